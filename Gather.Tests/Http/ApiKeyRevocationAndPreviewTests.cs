using Gather.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gather.Tests.Http;

/// <summary>A key that revokes itself loses its rights at once; no list ever shows more than 4 characters of a key.</summary>
public sealed class ApiKeyRevocationAndPreviewTests : IDisposable
{
    private readonly List<GatherApiFactory> _apps = [];

    public void Dispose()
    {
        foreach (var app in _apps)
            app.Dispose();
    }

    private GatherApiFactory Start(Dictionary<string, string?>? settings = null)
    {
        var app = new GatherApiFactory(settings ?? new Dictionary<string, string?> { [GatherApiFactory.SchedulerEnabled] = "false" });
        _apps.Add(app);
        return app;
    }

    private static async Task<(string Id, string Secret)> CreateKeyAsync(HttpClient admin, string name, string scopes)
    {
        var payload = (await admin.PostGraphQLAsync(
            $"mutation {{ createApiKey(input: {{ name: \"{name}\", scopes: [{scopes}] }}) {{ apiKey {{ id }} secret }} }}")).Data!["createApiKey"]!;
        return (payload["apiKey"]!["id"]!.GetValue<string>(), payload["secret"]!.GetValue<string>());
    }

    private static async Task<Dictionary<string, string>> PreviewsAsync(HttpClient admin) =>
        (await admin.PostGraphQLAsync("{ apiKeys { name preview } }")).Data!["apiKeys"]!.AsArray()
        .ToDictionary(k => k!["name"]!.GetValue<string>(), k => k!["preview"]!.GetValue<string>());

    [Fact]
    public async Task Revoking_its_own_key_ends_the_callers_rights_for_the_rest_of_the_document()
    {
        var app = Start();
        var admin = app.CreateClient(GatherApiFactory.AdminKey);
        var (id, secret) = await CreateKeyAsync(admin, "leaked", "ADMIN");

        var response = await app.CreateClient(secret).PostGraphQLAsync($$"""
            mutation {
              revoked: revokeApiKey(input: { id: "{{id}}" }) { apiKey { revoked } errors { message } }
              escalate: createApiKey(input: { name: "escape hatch", scopes: [ADMIN] }) { secret }
              model: createModel(input: { name: "Loot", idField: "id" }) { model { id } }
            }
            """);

        // The payloads are non-null, so the refused fields null the whole data; the revocation stands.
        Assert.Equal(["UNAUTHENTICATED", "UNAUTHENTICATED"], response.ErrorCodes);
        Assert.Equal(["escalate", "model"], response.Errors!.Select(e => e!["path"]![0]!.GetValue<string>()));
        Assert.Contains("revoked earlier in this document", response.Errors![0]!["message"]!.GetValue<string>());
        var keys = (await admin.PostGraphQLAsync("{ apiKeys { name revoked } }")).Data!["apiKeys"]!.AsArray();
        Assert.DoesNotContain(keys, k => k!["name"]!.GetValue<string>() == "escape hatch");
        Assert.True(keys.Single(k => k!["name"]!.GetValue<string>() == "leaked")!["revoked"]!.GetValue<bool>());
        Assert.DoesNotContain("Loot", (await admin.PostGraphQLAsync("{ models { name } }")).Data!.ToJsonString());
    }

    [Fact]
    public async Task Revoking_another_key_leaves_the_callers_rights()
    {
        var app = Start();
        var admin = app.CreateClient(GatherApiFactory.AdminKey);
        var (id, _) = await CreateKeyAsync(admin, "old", "READ");

        var response = await admin.PostGraphQLAsync($$"""
            mutation {
              revokeApiKey(input: { id: "{{id}}" }) { apiKey { revoked } }
              createApiKey(input: { name: "replacement", scopes: [READ] }) { secret }
            }
            """);

        Assert.Null(response.Errors);
        Assert.NotNull(response.Data!["createApiKey"]!["secret"]);
    }

    [Fact]
    public async Task Previews_show_at_most_the_last_4_characters_of_created_configured_and_generated_keys()
    {
        var configured = Start();
        var admin = configured.CreateClient(GatherApiFactory.AdminKey);
        var (_, secret) = await CreateKeyAsync(admin, "billing", "WRITE");
        var generated = Start(new Dictionary<string, string?> { [GatherApiFactory.SchedulerEnabled] = "false", ["Gather:Bootstrap:ApiKey"] = "" });
        _ = generated.Services; // first start: prints the key once
        var printed = generated.Console.ToString().Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).First(w => w.StartsWith("gth_", StringComparison.Ordinal));

        var previews = await PreviewsAsync(admin);
        var generatedPreviews = await PreviewsAsync(generated.CreateClient(printed));

        Assert.Equal("…" + secret[^4..], previews["billing"]);
        Assert.Equal("…" + GatherApiFactory.AdminKey[^4..], previews["Bootstrap admin key"]);
        Assert.Equal("…" + printed[^4..], generatedPreviews["Bootstrap admin key"]);
        Assert.All(previews.Values.Concat(generatedPreviews.Values), p => Assert.True(p.Replace("…", "").Length <= 4, p));
    }

    [Fact]
    public async Task A_preview_stored_by_an_earlier_version_is_cut_to_4_characters_when_Gather_starts()
    {
        var directory = Directory.CreateTempSubdirectory("gather-preview-").FullName;
        try
        {
            using (var first = new GatherApiFactory(new Dictionary<string, string?> { [GatherApiFactory.SchedulerEnabled] = "false" }, directory))
            {
                _ = first.Services;
                await ExecuteAsync(first.DatabasePath, "UPDATE api_keys SET preview = 'gth_test…cdef'");
            }

            using var second = new GatherApiFactory(new Dictionary<string, string?> { [GatherApiFactory.SchedulerEnabled] = "false" }, directory);
            var shown = await PreviewsAsync(second.CreateClient(GatherApiFactory.AdminKey));
            var stored = await ExecuteAsync(second.DatabasePath, "SELECT group_concat(preview) FROM api_keys");

            Assert.Equal("…cdef", shown["Bootstrap admin key"]);
            Assert.Equal("…cdef", stored);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static async Task<object?> ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
