using Microsoft.OpenApi;

namespace Gather.Api.ApiDocs;

/// <summary>
/// The REST side's API documentation: an OpenAPI document generated from the endpoints' own
/// metadata at <c>/openapi/v1.json</c>, and Swagger UI reading it at <c>/docs</c>. Swagger UI's
/// files are embedded in its package and served from here, so the page works with no network.
/// GraphQL documents itself (introspection, <c>GET /graphql?sdl</c>) and is left out.
/// </summary>
public static class ApiDocsHosting
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string UiPath = "/docs";

    public static IServiceCollection AddGatherApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<ApiDocumentDescription>();
            // The answers write numbers as numbers; "or a string" describes only what the JSON reader would accept.
            options.AddSchemaTransformer((schema, _, _) =>
            {
                if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Integer) && type.HasFlag(JsonSchemaType.String))
                {
                    schema.Type = type & ~JsonSchemaType.String;
                    schema.Pattern = null;
                }
                return Task.CompletedTask;
            });
        });

    /// <summary>Before the console's catch-all, which would otherwise answer <c>/docs</c> with its own page.</summary>
    public static IApplicationBuilder UseGatherApiDocsPage(this IApplicationBuilder app) =>
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = UiPath.TrimStart('/');
            ui.DocumentTitle = ApiDocumentDescription.Title;
            ui.SwaggerEndpoint(DocumentPath, ApiDocumentDescription.Title);
            // ValidatorUrl stays unset: the page then turns off the validator badge, which would ask a server on the internet.
        });

    public static IEndpointRouteBuilder MapGatherApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").DisableRateLimiting();
        return app;
    }
}
