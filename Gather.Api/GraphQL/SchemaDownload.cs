using Gather.Api.Authentication;
using Gather.Schema.Typed;
using GraphQL;
using Microsoft.AspNetCore.Authentication;

namespace Gather.Api.GraphQL;

/// <summary>
/// <c>GET /graphql?sdl</c>: the caller's team's schema as SDL, HotChocolate's convention, for
/// code generators (graphql-codegen, Strawberry Shake, …). Each team has its own typed types,
/// so the document needs a key like any other request.
/// </summary>
public sealed class SchemaDownload(TeamSchemaCache schemas)
{
    public const string MediaType = "application/graphql";

    /// <summary>Whether a request asks for the SDL rather than running an operation.</summary>
    public static bool IsRequested(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Query.ContainsKey("sdl");

    public async Task HandleAsync(HttpContext context)
    {
        var authentication = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        var caller = authentication.Succeeded ? CallerClaims.FromPrincipal(authentication.Principal) : null;
        if (caller is null)
        {
            await context.ChallengeAsync(ApiKeyAuthenticationHandler.SchemeName);
            return;
        }
        var schema = await schemas.GetAsync(caller.TeamId, context.RequestAborted);
        context.Response.ContentType = MediaType + "; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"schema.graphql\"";
        await context.Response.WriteAsync(schema.Print(), context.RequestAborted);
    }
}
