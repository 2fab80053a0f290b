using System.Net;
using System.Net.Http.Headers;
using ImageVault.Testing;

namespace ImageVault.Api.Tests;

public class AdminAccessTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("POST", "/api/v1/admin/reindex")]
    [InlineData("GET", "/api/v1/admin/pipeline")]
    [InlineData("POST", "/api/v1/admin/sweep")]
    [InlineData("GET", "/admin/dashboard/")]
    public async Task Operator_routes_refuse_anyone_without_the_token(string method, string path)
    {
        foreach (var token in new string?[] { null, "wrong-token", ImageVaultApp.OperatorToken + "x" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await fx.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_operator_token_opens_them()
    {
        var client = fx.App.CreateOperatorClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/admin/pipeline")).StatusCode);
        // The dashboard's root redirects to its trailing-slash form; HttpClient drops credentials on redirects.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/dashboard/")).StatusCode);
    }

    [Fact]
    public async Task Ordinary_routes_need_no_token_yet() =>
        Assert.Equal(HttpStatusCode.OK, (await fx.Client.GetAsync("/api/v1/search")).StatusCode);
}
