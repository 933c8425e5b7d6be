using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gather.Api.ApiDocs;

/// <summary>The document's title and introduction, and the API key scheme its operations name.</summary>
public sealed class ApiDocumentDescription : IOpenApiDocumentTransformer
{
    public const string Title = "Gather REST API";

    /// <summary>The security scheme's name in <c>components.securitySchemes</c>.</summary>
    public const string ApiKeyScheme = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = Title,
            Version = "v1",
            Description = "The HTTP endpoints of Gather that are not GraphQL: syncing records into a model, Stripe's webhook deliveries, "
                          + "health checks and browser sessions. Everything else (models, views, relationships, integrations, reading records) "
                          + "is the GraphQL API at `/graphql`; `GET /graphql?sdl` downloads your team's schema.\n\n"
                          + "Send your API key as `Authorization: Token <key>` (`Bearer <key>` works too). Errors come in GraphQL's error shape, "
                          + "`{ \"errors\": [{ \"message\", \"extensions\": { \"code\", \"field\", \"rule\" } }] }`, except the webhook endpoint's, "
                          + "which are RFC 9457 problem details as Stripe's dashboard shows them.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "`Token <key>`: an API key of your team (create one in the console's Developer settings, or use the key printed on first start).",
        };
        return Task.CompletedTask;
    }

    /// <summary>Marks an operation as needing an API key.</summary>
    public static void RequireApiKey(OpenApiOperation operation, OpenApiDocument document)
    {
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] });
    }
}
