using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gather.Tests.Support;

namespace Gather.Tests.Typed;

/// <summary>The steps the typed-schema rule tests share: models, syncs the documented ways, the team's SDL.</summary>
public static partial class TypedSchemaSteps
{
    public static async Task<string> CreateModelAsync(HttpClient admin, string name, string idField = "id") =>
        (await admin.PostGraphQLAsync("""mutation($n: String!, $f: String!) { createModel(input: { name: $n, idField: $f }) { model { id } } }""",
            new { n = name, f = idField })).Data!["createModel"]!["model"]!["id"]!.GetValue<string>();

    public static async Task<string> ModelIdAsync(HttpClient admin, string name) =>
        (await admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray()
        .Single(m => m!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();

    /// <summary>The documented curl call: <c>-d id=1 -d amount=75</c>.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode Body)> SyncFormAsync(HttpClient admin, string modelId, string form)
    {
        using var response = await admin.PostAsync($"/models/{modelId}/records",
            new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public static async Task<(HttpStatusCode Status, JsonNode Body)> SyncJsonAsync(HttpClient admin, string modelId, object records)
    {
        using var response = await admin.PostAsJsonAsync($"/models/{modelId}/records", records);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary><c>GET /graphql?sdl</c>, as a code generator reads it.</summary>
    public static async Task<string> SdlAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/graphql?sdl");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n");
    }

    /// <summary>The definitions of the named types and inputs, in the SDL's order, for a snapshot.</summary>
    public static string Definitions(string sdl, params string[] names) =>
        string.Join("\n\n", sdl.Split("\n\n").Where(block => names.Any(name =>
            Regex.IsMatch(block, $@"^(type|input) {Regex.Escape(name)}( |$)", RegexOptions.Multiline))));

    /// <summary>The errors' codes, paths and (where given) field and expected type.</summary>
    public static string ErrorsOf(GraphQLResponse response) => string.Join("\n", response.Errors?.Select(e =>
        $"{e!["extensions"]?["code"]} {e["path"]?.ToJsonString()} {e["extensions"]?["field"]} {e["extensions"]?["expectedType"]}") ?? []);
}
