using System.Net;
using System.Net.Http.Headers;
using ImageVault.Testing;

namespace ImageVault.Api.Tests;

/// <summary>The operator token (installation-wide routes) and tenant-admin routes; the full matrix is in Security/AccessMatrixTests.</summary>
public class AdminAccessTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("GET", "/api/v1/system/tenants")]
    [InlineData("GET", "/metrics")]
    [InlineData("GET", "/admin/dashboard/")]
    public async Task Installation_routes_refuse_anyone_without_the_operator_token(string method, string path)
    {
        foreach (var token in new string?[] { null, "wrong-token", ImageVaultApp.OperatorToken + "x" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await fx.App.CreateAnonymousClient().SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        // A tenant admin is signed in, but is not the operator.
        Assert.Equal(HttpStatusCode.Forbidden, (await fx.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).StatusCode);
    }

    [Fact]
    public async Task The_operator_token_opens_them()
    {
        var client = fx.App.CreateOperatorClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/system/tenants")).StatusCode);
        // The dashboard's root redirects to its trailing-slash form; HttpClient drops credentials on redirects.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/dashboard/")).StatusCode);
    }

    [Fact]
    public async Task Tenant_admin_routes_need_a_signed_in_tenant_admin()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fx.App.CreateAnonymousClient().GetAsync("/api/v1/admin/pipeline")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fx.Client.GetAsync("/api/v1/admin/pipeline")).StatusCode);
    }
}
