using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Api;

/// <summary>
/// <c>Idempotency-Key</c> support: the first answer to a key is stored (24 h) and replayed for
/// retries, so a client that lost the response can retry without storing anything twice.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static async Task<IResult> RunAsync(HttpContext http, IGrainFactory grains, Func<Task<(int Status, object Body)>> handler)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var key = http.Request.Headers[Header].FirstOrDefault();
        if (key is null) return Respond(await handler(), json);
        if (key.Length is 0 or > 200 || key.Any(c => c is < ' ' or > '~'))
            return Problems.Of(ErrorCodes.IdempotencyKeyInvalid, "Idempotency-Key must be 1–200 printable ASCII characters");

        var fingerprint = $"{http.Request.Method} {http.Request.Path}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var grain = grains.GetGrain<IIdempotencyGrain>(GrainKeys.For(RequestTenant.Of(http), hash));
        if (await grain.GetAsync() is { } stored) return Replay(http, stored, fingerprint);

        var (status, body) = await handler();
        var bodyJson = JsonSerializer.Serialize(body, body.GetType(), json);
        if (status < 500)
            await grain.SaveAsync(new IdempotentResponse(fingerprint, status, bodyJson, DateTimeOffset.UtcNow));
        // Two racing requests with one key both did work (content dedupe kept it single); both answer the first saved.
        return await grain.GetAsync() is { } first && first.BodyJson != bodyJson
            ? Replay(http, first, fingerprint)
            : Respond((status, body), json);
    }

    private static IResult Replay(HttpContext http, IdempotentResponse stored, string fingerprint)
    {
        if (stored.RequestFingerprint != fingerprint)
            return Problems.Of(ErrorCodes.IdempotencyKeyReused, "this Idempotency-Key was used for a different request");
        http.Response.Headers[ReplayedHeader] = "true";
        var contentType = stored.StatusCode >= 400 ? "application/problem+json" : "application/json";
        return Results.Content(stored.BodyJson, contentType, Encoding.UTF8, stored.StatusCode);
    }

    private static IResult Respond((int Status, object Body) r, JsonSerializerOptions json) =>
        r.Status >= 400
            ? Results.Json(r.Body, json, "application/problem+json", r.Status)
            : Results.Json(r.Body, json, statusCode: r.Status);
}
