using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Tests.Support;
using Microsoft.OpenApi;

namespace Gather.Tests.ApiDocs;

/// <summary>
/// <c>/openapi/v1.json</c>: a valid OpenAPI document of the REST side, generated from the running
/// app, whose Sync operation the product guide links to, and whose examples the real endpoint takes.
/// </summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private readonly GatherApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Admin => _factory.CreateClient(GatherApiFactory.AdminKey);

    private async Task<string> DocumentTextAsync()
    {
        // No API key: the document is public, like the endpoints' own documentation.
        using var response = await _factory.CreateClient(apiKey: null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_document_is_valid_OpenAPI_and_lists_the_REST_endpoints_and_no_GraphQL()
    {
        var result = OpenApiDocument.Parse(await DocumentTextAsync(), "json");
        var document = result.Document!;
        var operations = document.Paths.SelectMany(path => path.Value.Operations!
            .Select(op => (Path: path.Key, Method: op.Key.Method, op.Value.OperationId))).ToList();

        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())!);
        Assert.Equal("Gather REST API", document.Info.Title);
        Assert.Equal(
            [
                ("/health/live", "GET", "Live"), ("/health/ready", "GET", "Ready"),
                ("/models/{modelId}/records", "POST", "Sync"),
                ("/session", "DELETE", "SignOut"), ("/session", "POST", "SignIn"),
                ("/webhooks/stripe/{integrationId}", "POST", "ReceiveStripeWebhook"),
            ],
            operations.Select(o => (o.Path, o.Method, o.OperationId)).OrderBy(o => o.Path).ThenBy(o => o.Method).ToList());
        Assert.Equal(operations.Count, operations.Select(o => o.OperationId).Distinct().Count());
    }

    [Fact]
    public async Task Sync_takes_form_fields_and_JSON_and_documents_its_answers_and_errors()
    {
        var sync = JsonNode.Parse(await DocumentTextAsync())!["paths"]!["/models/{modelId}/records"]!["post"]!;
        var responses = sync["responses"]!.AsObject();

        Assert.Equal("Sync", sync["operationId"]!.GetValue<string>());
        Assert.Equal(["application/x-www-form-urlencoded", "application/json"],
            sync["requestBody"]!["content"]!.AsObject().Select(c => c.Key).ToList());
        Assert.True(sync["requestBody"]!["required"]!.GetValue<bool>());
        Assert.Equal("modelId", sync["parameters"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(["200", "400", "401", "403", "404", "413", "415", "422", "429", "503"], responses.Select(r => r.Key).Order().ToList());
        Assert.All(responses, r => Assert.False(string.IsNullOrWhiteSpace(r.Value!["description"]!.GetValue<string>())));
        Assert.EndsWith("/SyncResponse", responses["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.All(responses.Where(r => r.Key is not ("200" or "422")), r =>
            Assert.EndsWith("/ErrorsBody", r.Value!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>()));
        Assert.NotNull(responses["503"]!["headers"]!["Retry-After"]);
        Assert.Equal("ApiKey", sync["security"]![0]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task The_Stripe_webhook_documents_its_errors_in_the_shape_every_other_endpoint_answers_with()
    {
        var webhook = JsonNode.Parse(await DocumentTextAsync())!["paths"]!["/webhooks/stripe/{integrationId}"]!["post"]!;
        var responses = webhook["responses"]!.AsObject();

        Assert.Equal(["200", "400", "404", "413", "429", "503"], responses.Select(r => r.Key).Order().ToList());
        Assert.EndsWith("/WebhookReceipt", responses["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.All(responses.Where(r => r.Key != "200"), r =>
        {
            Assert.Equal(["application/json"], r.Value!["content"]!.AsObject().Select(c => c.Key).ToList());
            Assert.EndsWith("/ErrorsBody", r.Value!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        });
        Assert.NotNull(responses["429"]!["headers"]!["Retry-After"]);
        Assert.NotNull(responses["503"]!["headers"]!["Retry-After"]);
        Assert.DoesNotContain("problem", webhook.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_request_example_of_Sync_is_accepted_by_the_real_endpoint()
    {
        var content = JsonNode.Parse(await DocumentTextAsync())!["paths"]!["/models/{modelId}/records"]!["post"]!["requestBody"]!["content"]!;
        var examples = content.AsObject()
            .SelectMany(type => type.Value!["examples"]!.AsObject().Select(example => (Type: type.Key, Name: example.Key, Value: example.Value!["value"]!)))
            .ToList();

        Assert.Equal(3, examples.Count);
        foreach (var (type, name, value) in examples)
        {
            // Each example into a model of its own, as a reader trying it would.
            var modelId = await CreateModelAsync($"Orders{name}");
            var body = type == "application/json"
                ? new StringContent(value.ToJsonString(), Encoding.UTF8, type)
                : new StringContent(string.Join('&', value.AsObject().Select(f =>
                    $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value!.GetValue<string>())}")), Encoding.UTF8, type);
            using var response = await Admin.PostAsync($"/models/{modelId}/records", body);
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{type} example '{name}': {(int)response.StatusCode} {answer.ToJsonString()}");
            var sent = value is JsonArray batch ? batch.Count : 1;
            Assert.Equal(sent, answer["created"]!.GetValue<int>());
            Assert.Empty(answer["errors"]!.AsArray());
            Assert.Equal(sent, await CountRecordsAsync(modelId));
        }
    }

    [Fact]
    public async Task The_answer_examples_of_Sync_have_the_shape_the_endpoint_answers_with()
    {
        var ok = JsonNode.Parse(await DocumentTextAsync())!["paths"]!["/models/{modelId}/records"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!;
        var modelId = await CreateModelAsync("Orders");
        using var response = await Admin.PostAsync($"/models/{modelId}/records",
            new StringContent("""[{"id":"1236","amount":75},{"id":"1237","amount":"lots"}]""", Encoding.UTF8, "application/json"));
        var real = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var example in ok["examples"]!.AsObject())
            Assert.Equal(Shape(real), Shape(example.Value!["value"]!));
        var refused = ok["examples"]!["partlyRefused"]!["value"]!["errors"]![0]!;
        Assert.Equal(real["errors"]![0]!["extensions"]!.ToJsonString(), refused["extensions"]!.ToJsonString());
        Assert.Equal(real["errors"]![0]!["message"]!.GetValue<string>(), refused["message"]!.GetValue<string>());
    }

    /// <summary>The member names of an answer and of its first record and error, which every example must share.</summary>
    private static string Shape(JsonNode answer) => string.Join(",", answer.AsObject().Select(m => m.Key)) + " | "
        + string.Join(",", answer["records"]![0]!.AsObject().Select(m => m.Key));

    private async Task<string> CreateModelAsync(string name)
    {
        var response = await Admin.PostGraphQLAsync("""
            mutation($name: String!) { createModel(input: { name: $name, idField: "id" }) { model { id } errors { message } } }
            """, new { name });
        return response.Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
    }

    private async Task<int> CountRecordsAsync(string modelId) =>
        (await Admin.PostGraphQLAsync("query($m: ID!) { records(modelId: $m) { totalCount } }", new { m = modelId }))
        .Data!["records"]!["totalCount"]!.GetValue<int>();
}
