using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImageVault.Contracts;
using ImageVault.Testing;

namespace ImageVault.Api.Tests;

public class UploadTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static async Task<JsonElement> ProblemOf(HttpResponseMessage r)
    {
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Multipart_with_many_files_reports_each_in_order()
    {
        var good = TestImages.UniqueJpeg(AppFixture.NextSeed());
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(good), "photos", "one.jpg" },
            { new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray()), "photos", "evil.png" },
            { new ByteArrayContent(good), "whatever", "again.jpg" },
            { new StringContent("not a file"), "caption" },
        };
        var response = await fx.Client.PostAsync("/api/v1/images", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<UploadResponseDto>(ImageVaultApp.Json);
        Assert.Equal([UploadOutcomes.Created, UploadOutcomes.Refused, UploadOutcomes.Duplicate], body!.Items.Select(i => i.Outcome));
        Assert.Equal(ErrorCodes.UnsupportedFormat, body.Items[1].ErrorCode);
        Assert.Equal(body.Items[0].Id, body.Items[2].Id);
    }

    [Fact]
    public async Task Raw_body_upload_takes_the_name_from_a_header_and_ignores_the_extension()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/images") { Content = new ByteArrayContent(TestImages.Png(30, 20)) };
        request.Headers.Add("X-File-Name", Uri.EscapeDataString("dir/../misnamed picture.jpg"));
        var response = await fx.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<UploadResponseDto>(ImageVaultApp.Json))!.Items[0].Id!;
        var image = await fx.App.WaitProcessedAsync(id);
        Assert.Equal(("misnamed picture.jpg", "png", "image/png"), (image.FileName, image.Format, image.ContentType));
        Assert.Equal((30, 20), (image.Width, image.Height));
    }

    [Theory]
    [InlineData("empty", HttpStatusCode.BadRequest, ErrorCodes.EmptyUpload)]
    [InlineData("html", HttpStatusCode.UnsupportedMediaType, ErrorCodes.UnsupportedFormat)]
    [InlineData("bomb", HttpStatusCode.UnprocessableEntity, ErrorCodes.TooManyPixels)]
    [InlineData("huge", HttpStatusCode.RequestEntityTooLarge, ErrorCodes.TooLarge)]
    public async Task Bad_files_get_a_clear_problem_with_a_stable_code(string kind, HttpStatusCode status, string code)
    {
        var bytes = kind switch
        {
            "empty" => [],
            "html" => "<!DOCTYPE html><svg onload=alert(1)>"u8.ToArray(),
            "bomb" => TestImages.PngHeaderOnly(60_000, 60_000),
            _ => new byte[5_000_000],
        };
        var (actual, _, raw) = await fx.App.UploadAsync(bytes, "x.jpg");
        Assert.Equal(status, actual);
        Assert.Contains($"\"code\":\"{code}\"", raw);
    }

    [Fact]
    public async Task A_request_without_files_is_refused()
    {
        var response = await fx.Client.PostAsync("/api/v1/images", new MultipartFormDataContent { { new StringContent("x"), "caption" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCodes.NoFiles, (await ProblemOf(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_gets_the_first_answer()
    {
        var key = Guid.NewGuid().ToString();
        var bytes = TestImages.UniqueJpeg(AppFixture.NextSeed());
        var first = await fx.App.UploadAsync(bytes, "idem.jpg", key);
        var retry = await fx.App.UploadAsync(bytes, "idem.jpg", key);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.Status, retry.Status));
        Assert.Equal(first.Raw, retry.Raw); // "created", not "duplicate": the same answer
        var withoutKey = await fx.App.UploadAsync(bytes, "idem.jpg");
        Assert.Equal(UploadOutcomes.Duplicate, withoutKey.Body!.Items[0].Outcome);
    }

    [Fact]
    public async Task Invalid_idempotency_keys_are_refused()
    {
        var (status, _, raw) = await fx.App.UploadAsync(TestImages.Jpeg(), "x.jpg", new string('k', 300));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(ErrorCodes.IdempotencyKeyInvalid, raw);
    }
}
