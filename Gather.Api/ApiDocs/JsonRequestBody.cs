using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gather.Api.ApiDocs;

/// <summary>
/// Documents a JSON request body without <c>Accepts</c>: that metadata would also make routing
/// refuse other content types before the endpoint could answer them with its own error.
/// </summary>
public static class JsonRequestBody
{
    public static RouteHandlerBuilder DocumentsJsonBody<T>(this RouteHandlerBuilder builder, string description) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), cancellationToken: cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
