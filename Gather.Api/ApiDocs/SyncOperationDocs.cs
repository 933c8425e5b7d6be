using Gather.Api.Records;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gather.Api.ApiDocs;

/// <summary>
/// What the Sync endpoint's metadata cannot say by itself: its body is form fields or JSON whose
/// fields are the caller's own, so the request body is described here, with runnable examples.
/// </summary>
public static class SyncOperationDocs
{
    public const string OperationId = "Sync";

    public const string Summary = "Sync records into a model";

    public const string Description =
        "Upserts records by the model's ID field (`id` for a custom model created with `idField: \"id\"`, `name` for Account, "
        + "`email` for Customer). Send one record as form fields (`curl -d id=1234 -d amount=75`), one record as a JSON object, "
        + "or a batch as a JSON array (at most `Gather:Sync:MaxBatchSize` records, 1,000 by default).\n\n"
        + "Fields sent replace the stored fields of that name, fields not sent are kept, and a field sent as `null` is removed. "
        + "Form values are strings on the wire: a value written exactly as an integer, a decimal or `true`/`false` is stored as one "
        + "unless the field's type says otherwise. A field keeps the type of its first values (or its declared type).\n\n"
        + "Each record is checked on its own: valid records are written even when others in the batch are refused, and each refused "
        + "record is reported in `errors` by `index`, `field` and `rule`. The answer is 200 when any record was written or left "
        + "unchanged, 422 when every record was refused. Sending the same request again is safe. Reading records is GraphQL's "
        + "`records(modelId: …)`; any method but POST here answers 405 with `Allow: POST`.";

    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Form fields (one record) or JSON: an object (one record) or an array of objects (a batch).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/x-www-form-urlencoded"] = new()
                {
                    Schema = FormRecord(),
                    Examples = new Dictionary<string, IOpenApiExample>
                    {
                        ["form"] = new OpenApiExample { Summary = "The product guide's curl line", Value = SyncExamples.Form() },
                    },
                },
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema { OneOf = [JsonRecord(), new OpenApiSchema { Type = JsonSchemaType.Array, Items = JsonRecord(), MinItems = 1 }] },
                    Examples = new Dictionary<string, IOpenApiExample>
                    {
                        ["oneRecord"] = new OpenApiExample { Summary = "One record", Value = SyncExamples.OneRecord() },
                        ["batch"] = new OpenApiExample { Summary = "A batch, with a nested field", Value = SyncExamples.Batch() },
                    },
                },
            },
        };
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var okJson) == true)
            okJson.Examples = new Dictionary<string, IOpenApiExample>
            {
                ["synced"] = new OpenApiExample { Summary = "One record updated, one created", Value = SyncExamples.Response() },
                ["partlyRefused"] = new OpenApiExample { Summary = "One record written, one refused", Value = SyncExamples.PartlyRefused() },
            };
        foreach (var (status, text) in Responses)
            if (operation.Responses?.TryGetValue(status, out var response) == true && response is OpenApiResponse described)
                described.Description = text;
        ResponseHeaders.AddRetryAfter(operation);
        if (operation.Parameters?.FirstOrDefault(p => p.Name == "modelId") is OpenApiParameter modelId)
            modelId.Description = "The model's id (`models { id name }` in GraphQL lists them), not its name.";
        ApiDocumentDescription.RequireApiKey(operation, context.Document!);
        return Task.CompletedTask;
    }

    private static readonly Dictionary<string, string> Responses = new()
    {
        ["200"] = "Synced: at least one record was written or already held the values sent. Refused records, if any, are in `errors`.",
        ["422"] = "Every record was refused; nothing was written. `errors` says why, per record.",
        ["400"] = "The request could not be read (code `BAD_REQUEST`: not valid JSON or UTF-8, a form field given twice, a JSON value "
                  + "that is not an object or array of objects) or breaks a rule as a whole (code `INVALID_ARGUMENT`: a batch over "
                  + "`Gather:Sync:MaxBatchSize`). Nothing was written.",
        ["401"] = "No API key, or one that is not valid or revoked (code `UNAUTHENTICATED`).",
        ["403"] = "The API key lacks the `write` scope (code `FORBIDDEN`).",
        ["404"] = "No model with this id in your team (code `NOT_FOUND`, field `modelId`); the message says so when a model's name was sent instead of its id.",
        ["413"] = "The body is larger than `Gather:Sync:MaxRequestBodyBytes` (code `REQUEST_TOO_LARGE`).",
        ["415"] = "The body is neither form fields nor JSON, or is JSON sent without `Content-Type: application/json` (code `UNSUPPORTED_MEDIA_TYPE`, field `Content-Type`).",
        ["429"] = "Too many requests for this key, team or address (code `RATE_LIMITED`); wait as `Retry-After` says.",
        ["503"] = "The store is unavailable or too busy right now (code `STORE_UNAVAILABLE`); send the same request again after `Retry-After` seconds.",
    };

    private static OpenApiSchema FormRecord() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "One record: each form field is a field of the record; the model's ID field is required.",
        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiSchema JsonRecord() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "One record: the model's ID field (a string or a number) and any other fields, nested objects included "
                      + "(names without `$` prefix, `.`, quotes or control characters).",
        AdditionalPropertiesAllowed = true,
    };

    /// <summary>The statuses the endpoint answers besides 200, each in the error shape of <see cref="Hosting.ErrorsBody"/>.</summary>
    public static RouteHandlerBuilder DescribeSync(this RouteHandlerBuilder builder) => builder
        .WithName(OperationId)
        .WithTags("Records")
        .WithSummary(Summary)
        .WithDescription(Description)
        .Produces<SyncResponse>(StatusCodes.Status200OK)
        .Produces<SyncResponse>(StatusCodes.Status422UnprocessableEntity)
        .Produces<Hosting.ErrorsBody>(StatusCodes.Status400BadRequest)
        .Produces<Hosting.ErrorsBody>(StatusCodes.Status401Unauthorized)
        .Produces<Hosting.ErrorsBody>(StatusCodes.Status403Forbidden)
        .Produces<Hosting.ErrorsBody>(StatusCodes.Status404NotFound)
        .Produces<Hosting.ErrorsBody>(StatusCodes.Status413PayloadTooLarge)
        .Produces<Hosting.ErrorsBody>(StatusCodes.Status415UnsupportedMediaType)
        .Produces<Hosting.ErrorsBody>(StatusCodes.Status429TooManyRequests)
        .Produces<Hosting.ErrorsBody>(StatusCodes.Status503ServiceUnavailable)
        .AddOpenApiOperationTransformer(TransformAsync);
}
