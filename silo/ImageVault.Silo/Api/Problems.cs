using ImageVault.Contracts;

namespace ImageVault.Silo.Api;

/// <summary>RFC 9457 problem details with a stable <c>code</c> extension. The status follows from the code.</summary>
public static class Problems
{
    public static int StatusOf(string code) => code switch
    {
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.UnsupportedFormat => StatusCodes.Status415UnsupportedMediaType,
        ErrorCodes.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.TooManyPixels or ErrorCodes.CorruptImage or ErrorCodes.AlbumCycle or ErrorCodes.DecoderUnavailable
            or ErrorCodes.ProcessingTimeout or ErrorCodes.ProcessingCrashed or ErrorCodes.MemoryBudgetExceeded => StatusCodes.Status422UnprocessableEntity,
        ErrorCodes.Conflict or ErrorCodes.IdempotencyKeyReused or ErrorCodes.NotAnalysed => StatusCodes.Status409Conflict,
        ErrorCodes.Unauthenticated or ErrorCodes.InvalidCredentials or ErrorCodes.CredentialsExpired or ErrorCodes.CredentialsRevoked
            or ErrorCodes.SharePasswordRequired or ErrorCodes.SharePasswordWrong or ErrorCodes.OidcFailed => StatusCodes.Status401Unauthorized,
        ErrorCodes.Forbidden or ErrorCodes.CsrfHeaderMissing or ErrorCodes.TenantSuspended or ErrorCodes.QuotaImages or ErrorCodes.QuotaBytes
            or ErrorCodes.ShareForbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.TenantExists or ErrorCodes.UserNameTaken => StatusCodes.Status409Conflict,
        ErrorCodes.ShareExpired => StatusCodes.Status410Gone,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCodes.Internal => StatusCodes.Status500InternalServerError,
        ErrorCodes.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult Of(string code, string detail, IDictionary<string, object?>? extra = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (k, v) in extra ?? new Dictionary<string, object?>()) extensions[k] = v;
        return Results.Problem(statusCode: StatusOf(code), title: TitleOf(code), detail: detail, extensions: extensions);
    }

    /// <summary>A refusal the client should retry later: the Retry-After header carries the wait in whole seconds.</summary>
    public static IResult RetryLater(HttpContext http, string code, string detail, TimeSpan wait)
    {
        SetRetryAfter(http, wait);
        return Of(code, detail);
    }

    /// <summary>Retry-After in whole seconds, at least one.</summary>
    public static void SetRetryAfter(HttpContext http, TimeSpan wait) =>
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IResult NotFound(string what = "image") => Of(ErrorCodes.NotFound, $"no such {what}");

    public static IResult Invalid(string detail) => Of(ErrorCodes.InvalidRequest, detail);

    private static string TitleOf(string code) => code switch
    {
        ErrorCodes.NotFound => "Not found",
        ErrorCodes.UnsupportedFormat => "Unsupported image format",
        ErrorCodes.TooLarge => "Upload too large",
        ErrorCodes.TooManyPixels => "Image has too many pixels",
        ErrorCodes.CorruptImage => "Image is corrupt",
        ErrorCodes.NotAnalysed => "Image not analysed yet",
        ErrorCodes.Unauthenticated or ErrorCodes.InvalidCredentials or ErrorCodes.CredentialsExpired or ErrorCodes.CredentialsRevoked => "Sign-in required",
        ErrorCodes.Forbidden => "Not allowed",
        ErrorCodes.RateLimited => "Too many requests",
        _ => "Request refused",
    };
}
