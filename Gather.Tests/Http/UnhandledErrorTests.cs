using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// What the framework answers itself is in Gather's one error shape too: a failure nothing
/// handled is 500 <c>INTERNAL_ERROR</c> with a fixed message (the exception stays in the log), and
/// a path or method nothing serves is 404 <c>NOT_FOUND</c>, never problem details.
/// </summary>
public sealed class UnhandledErrorTests : IDisposable
{
    private readonly GatherApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>The answer as "status content-type code", after checking it holds one error with a message.</summary>
    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        var error = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray())!;
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType!.MediaType} {error["extensions"]!["code"]}";
    }

    [Fact]
    public async Task A_failure_nothing_handles_answers_500_INTERNAL_ERROR_without_the_exceptions_message()
    {
        using var app = _factory.WithWebHostBuilder(builder => InterceptedStore.Install(builder, (method, _, _) =>
            method.Name == "SyncAsync" ? throw new InvalidOperationException("secret detail of the failure") : null));
        var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Add("Authorization", $"Token {GatherApiFactory.AdminKey}");
        var customer = (await admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray()
            .Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();

        using var sync = await admin.PostAsJsonAsync($"/models/{customer}/records", new { email = "ann@acme.com" });

        Assert.Equal("500 application/json INTERNAL_ERROR", await ErrorAsync(sync));
        Assert.DoesNotContain("secret detail", await sync.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET", "/health/other")]
    [InlineData("GET", "/webhooks/stripe/int_1")]
    [InlineData("PUT", "/session")]
    public async Task A_path_or_method_nothing_serves_answers_404_NOT_FOUND(string method, string path)
    {
        using var response = await _factory.CreateClient(GatherApiFactory.AdminKey).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal("404 application/json NOT_FOUND", await ErrorAsync(response));
    }
}
