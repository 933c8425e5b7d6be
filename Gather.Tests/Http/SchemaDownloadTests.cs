using System.Net;
using System.Net.Http.Json;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary><c>GET /graphql?sdl</c> gives code generators the caller's team's schema, typed models included, and nothing of another team's.</summary>
public sealed class SchemaDownloadTests : IDisposable
{
    private readonly GatherApiFactory _app = new(new Dictionary<string, string?> { [GatherApiFactory.SchedulerEnabled] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_SDL_is_the_callers_team_schema_with_its_typed_models()
    {
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);
        var orders = (await admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await admin.PostAsJsonAsync($"/models/{orders}/records", new[] { new { id = "1", amount = 75 } })).EnsureSuccessStatusCode();
        var (_, _, otherSecret) = await _app.CreateOtherTeamAsync();

        using var mine = await admin.GetAsync("/graphql?sdl");
        var sdl = await mine.Content.ReadAsStringAsync();
        using var theirs = await _app.CreateClient(otherSecret).GetAsync("/graphql?sdl");
        var otherSdl = await theirs.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("application/graphql", mine.Content.Headers.ContentType!.MediaType);
        Assert.Contains("schema.graphql", mine.Content.Headers.ContentDisposition!.ToString());
        Assert.Contains("type Query", sdl);
        Assert.Contains("type Orders ", sdl);
        Assert.Contains("amount: Int", sdl);
        Assert.DoesNotContain("type Orders ", otherSdl);
        Assert.Contains("type Query", otherSdl);
    }

    [Fact]
    public async Task The_SDL_needs_a_key()
    {
        using var response = await _app.CreateClient().GetAsync("/graphql?sdl");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
