using Gather.Tests.Support;

namespace Gather.Tests.Docs;

/// <summary>
/// <c>docs/reference/schema.md</c> is the schema a new team gets, rendered from <c>GET /graphql?sdl</c>.
/// <c>docs/reference/generate-schema.sh</c> runs this test with <c>GATHER_WRITE_DOCS=1</c> to write it.
/// </summary>
public sealed class SchemaReferenceTests
{
    private const string File = "docs/reference/schema.md";

    [Fact]
    public async Task The_schema_reference_is_the_schema_a_new_team_gets()
    {
        using var app = new GatherApiFactory();
        using var response = await app.CreateClient(GatherApiFactory.AdminKey).GetAsync("/graphql?sdl");
        var rendered = SchemaReference.Render(await response.Content.ReadAsStringAsync());
        if (Environment.GetEnvironmentVariable("GATHER_WRITE_DOCS") == "1")
            await System.IO.File.WriteAllTextAsync(RepositoryFiles.PathOf(File), rendered);

        var documented = System.IO.File.Exists(RepositoryFiles.PathOf(File)) ? RepositoryFiles.Read(File).ReplaceLineEndings("\n") : "";

        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("## Query", rendered);
        Assert.True(documented == rendered, $"{File} is stale: run docs/reference/generate-schema.sh and commit the result.");
    }
}
