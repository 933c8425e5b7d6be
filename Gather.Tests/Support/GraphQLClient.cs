using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gather.Tests.Support;

/// <summary>A GraphQL response as the tests read it: HTTP status, content type and the JSON body.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? ContentType, JsonNode Body, int? StoreRoundTrips = null)
{
    public JsonNode? Data => Body["data"];

    public JsonArray? Errors => Body["errors"] as JsonArray;

    public IEnumerable<string?> ErrorCodes => Errors?.Select(e => e?["extensions"]?["code"]?.GetValue<string>()) ?? [];
}

public static class GraphQLClient
{
    public static async Task<GraphQLResponse> PostGraphQLAsync(this HttpClient client, string query,
        object? variables = null, string accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Add("Accept", accept);
        return await SendGraphQLAsync(client, request);
    }

    public static async Task<GraphQLResponse> SendGraphQLAsync(this HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text) ?? throw new JsonException($"Empty response body ({response.StatusCode})");
        var roundTrips = response.Headers.TryGetValues("Gather-Store-Round-Trips", out var values) ? int.Parse(values.Single()) : (int?)null;
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, roundTrips);
    }
}
