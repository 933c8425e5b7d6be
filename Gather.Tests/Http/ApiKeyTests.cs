using System.Net;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>API keys end to end: creation, scopes, revocation and tenant isolation.</summary>
public sealed class ApiKeyTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    private HttpClient Admin => _app.CreateClient(GatherApiFactory.AdminKey);

    private async Task<(string Id, string Secret)> CreateKeyAsync(string name, string scopes)
    {
        var response = await Admin.PostGraphQLAsync(
            $"mutation {{ createApiKey(input: {{ name: \"{name}\", scopes: [{scopes}] }}) {{ apiKey {{ id }} secret errors {{ message }} }} }}");
        Assert.Null(response.Errors);
        var payload = response.Data!["createApiKey"]!;
        Assert.Null(payload["errors"]);
        return (payload["apiKey"]!["id"]!.GetValue<string>(), payload["secret"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_created_key_works_and_its_secret_is_shown_only_once()
    {
        var (id, secret) = await CreateKeyAsync("billing backend", "WRITE");

        var viewer = await _app.CreateClient(secret).PostGraphQLAsync("{ viewer { scopes apiKeyId } }");
        var listed = await Admin.PostGraphQLAsync("{ apiKeys { id name preview scopes } }");

        Assert.Equal(id, viewer.Data!["viewer"]!["apiKeyId"]!.GetValue<string>());
        var entry = listed.Data!["apiKeys"]!.AsArray().Single(k => k!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("billing backend", entry["name"]!.GetValue<string>());
        Assert.DoesNotContain(secret, listed.Body.ToJsonString());
        Assert.EndsWith(secret[^4..], entry["preview"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_secret_is_stored_only_as_a_hash()
    {
        var (_, secret) = await CreateKeyAsync("hashed", "READ");

        var bytes = await File.ReadAllBytesAsync(_app.DatabasePath);
        var wal = File.Exists(_app.DatabasePath + "-wal") ? await File.ReadAllBytesAsync(_app.DatabasePath + "-wal") : [];

        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(bytes) + System.Text.Encoding.UTF8.GetString(wal));
    }

    [Fact]
    public async Task A_read_key_cannot_manage_keys()
    {
        var (_, secret) = await CreateKeyAsync("dashboard", "READ");
        var reader = _app.CreateClient(secret);

        var viewer = await reader.PostGraphQLAsync("{ viewer { scopes } }");
        var list = await reader.PostGraphQLAsync("{ apiKeys { id } }");
        var create = await reader.PostGraphQLAsync("mutation { createApiKey(input: { name: \"x\", scopes: [ADMIN] }) { secret } }");

        Assert.Equal(["FORBIDDEN"], list.ErrorCodes);
        Assert.Equal("READ", viewer.Data!["viewer"]!["scopes"]![0]!.GetValue<string>());
        Assert.Equal(["FORBIDDEN"], create.ErrorCodes);
        Assert.Contains("admin", create.Errors![0]!["message"]!.GetValue<string>());
        var keys = await Admin.PostGraphQLAsync("{ apiKeys { name } }");
        Assert.Equal(2, keys.Data!["apiKeys"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_revoked_key_is_refused()
    {
        var (id, secret) = await CreateKeyAsync("leaked", "READ");

        var revoke = await Admin.PostGraphQLAsync(
            $"mutation {{ revokeApiKey(input: {{ id: \"{id}\" }}) {{ apiKey {{ revoked revokedAt }} errors {{ message }} }} }}");
        var after = await _app.CreateClient(secret).PostGraphQLAsync("{ viewer { scopes } }");

        Assert.True(revoke.Data!["revokeApiKey"]!["apiKey"]!["revoked"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Contains("revoked", after.Errors![0]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"\"", "[READ]", "name", "required")]
    [InlineData("\"ok\"", "[]", "scopes", "required")]
    public async Task Invalid_input_returns_a_typed_error_and_creates_nothing(string name, string scopes, string field, string rule)
    {
        var response = await Admin.PostGraphQLAsync(
            $"mutation {{ createApiKey(input: {{ name: {name}, scopes: {scopes} }}) {{ apiKey {{ id }} secret errors {{ __typename message ... on ValidationError {{ field rule }} }} }} }}");

        var payload = response.Data!["createApiKey"]!;
        Assert.Null(payload["apiKey"]);
        Assert.Null(payload["secret"]);
        var error = payload["errors"]![0]!;
        Assert.Equal("ValidationError", error["__typename"]!.GetValue<string>());
        Assert.Equal(field, error["field"]!.GetValue<string>());
        Assert.Equal(rule, error["rule"]!.GetValue<string>());
        var keys = await Admin.PostGraphQLAsync("{ apiKeys { name } }");
        Assert.Single(keys.Data!["apiKeys"]!.AsArray());
    }

    [Fact]
    public async Task Another_teams_key_is_invisible_and_cannot_be_revoked()
    {
        await Admin.PostGraphQLAsync("{ viewer { scopes } }"); // starts the host, which bootstraps the first team
        var (_, otherKeyId, otherSecret) = await _app.CreateOtherTeamAsync();

        var listed = await Admin.PostGraphQLAsync("{ apiKeys { id } }");
        var revoke = await Admin.PostGraphQLAsync(
            $"mutation {{ revokeApiKey(input: {{ id: \"{otherKeyId}\" }}) {{ apiKey {{ id }} errors {{ __typename }} }} }}");
        var other = await _app.CreateClient(otherSecret).PostGraphQLAsync("{ viewer { team { name } } apiKeys { id } }");

        Assert.DoesNotContain(otherKeyId, listed.Body.ToJsonString());
        Assert.Equal("NotFoundError", revoke.Data!["revokeApiKey"]!["errors"]![0]!["__typename"]!.GetValue<string>());
        Assert.Equal("Other", other.Data!["viewer"]!["team"]!["name"]!.GetValue<string>());
        Assert.Equal([otherKeyId], other.Data["apiKeys"]!.AsArray().Select(k => k!["id"]!.GetValue<string>()));
    }
}
