using Microsoft.OpenApi;

namespace Gather.Api.ApiDocs;

/// <summary>Headers the documented responses carry.</summary>
public static class ResponseHeaders
{
    /// <summary>429 and 503 say when to try again.</summary>
    public static void AddRetryAfter(OpenApiOperation operation)
    {
        foreach (var status in new[] { "429", "503" })
        {
            if (operation.Responses?.TryGetValue(status, out var response) != true || response is not OpenApiResponse described)
                continue;
            described.Headers ??= new Dictionary<string, IOpenApiHeader>();
            described.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before sending the request again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            };
        }
    }
}
