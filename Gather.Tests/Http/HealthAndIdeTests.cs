using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>Unauthenticated surfaces: health probes and the IDE's page and configuration.</summary>
public sealed class HealthAndIdeTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_report_healthy(string path)
    {
        using var response = await _app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_fails_when_the_store_cannot_be_opened()
    {
        // No task scheduler: its sweep would open (and so re-create) the database file being broken here.
        using var broken = new GatherApiFactory(new Dictionary<string, string?> { [GatherApiFactory.SchedulerEnabled] = "false" });
        var client = broken.CreateClient();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(broken.DatabasePath)!))
            File.Delete(file);
        Directory.CreateDirectory(broken.DatabasePath); // a directory where the file should be

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql/")]
    public async Task A_browser_gets_Banana_Cake_Pop(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await _app.CreateClient().SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Banana Cake Pop</title>", html);
        Assert.Contains("<base href=\"/graphql/\">", html);
    }

    [Fact]
    public async Task A_disabled_IDE_serves_neither_its_page_nor_its_files()
    {
        using var disabled = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Ide:Enabled"] = "false" });
        var client = disabled.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var page = await client.SendAsync(request);
        using var file = await client.GetAsync("/graphql/favicon.svg");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("disabled", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }

    [Fact]
    public async Task The_IDE_config_points_at_the_browser_url_with_telemetry_off()
    {
        var config = JsonNode.Parse(await _app.CreateClient().GetStringAsync("/graphql/bcp-config.json"))!;

        Assert.Equal("/graphql", config["endpoint"]!.GetValue<string>());
        Assert.True(config["useBrowserUrlAsEndpoint"]!.GetValue<bool>());
        Assert.True(config["disableTelemetry"]!.GetValue<bool>());
    }
}
