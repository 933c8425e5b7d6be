using System.Text.Json;
using Gather.Api.Hosting;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Teams;
using Gather.Schema.Common;

namespace Gather.Api.Authentication;

/// <summary>
/// <c>POST /session</c> with <c>{ "apiKey": "…" }</c> signs a browser in: the answer sets the
/// session cookie and says which team and scopes the key has. <c>DELETE /session</c> signs out.
/// Any client may use it; scripts keep sending their key in <c>Authorization</c>.
/// </summary>
public sealed class SessionEndpoints(IGatherStore store, SessionCookie cookie)
{
    /// <summary>A sign-in body holds one key; anything larger is not one.</summary>
    private const int MaxBodyBytes = 4096;

    public async Task SignInAsync(HttpContext context)
    {
        if (!await RefuseOtherOriginAsync(context))
            return;
        var apiKey = await ReadApiKeyAsync(context.Request);
        if (apiKey is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await ErrorResponse.WriteAsync(context.Response,
                "Send a JSON body { \"apiKey\": \"<key>\" } with Content-Type: application/json.", ErrorCodes.BadRequest);
            return;
        }

        var hash = apiKey.Length <= ApiKeySecret.MaximumLength ? ApiKeySecret.Hash(apiKey) : null;
        var key = hash is null ? null : await store.FindApiKeyBySecretHashAsync(hash, context.RequestAborted);
        if (key is null || key.IsRevoked)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await ErrorResponse.WriteAsync(context.Response,
                key is null ? "The API key is not valid." : "This API key has been revoked.", ErrorCodes.Unauthenticated);
            return;
        }

        var team = await store.ForTeam(key.TeamId).GetTeamAsync(context.RequestAborted);
        cookie.Issue(context.Response, key.SecretHash);
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(new SignedIn(new SignedInTeam(key.TeamId, team?.Name),
            key.Scopes.Select(s => s.ToWireName().ToUpperInvariant()).ToList()), context.RequestAborted);
    }

    public async Task SignOutAsync(HttpContext context)
    {
        if (!await RefuseOtherOriginAsync(context))
            return;
        SessionCookie.Clear(context.Response);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>A browser page on another site may neither sign a person in to its team nor sign them out.</summary>
    private static async Task<bool> RefuseOtherOriginAsync(HttpContext context)
    {
        if (context.Request.Headers.Origin.Count == 0 || SameOrigin.IsOwnOrigin(context.Request))
            return true;
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await ErrorResponse.WriteAsync(context.Response,
            "Sessions can only be started or ended by pages this server serves (the Origin header names another site).", ErrorCodes.Forbidden);
        return false;
    }

    private static async Task<string?> ReadApiKeyAsync(HttpRequest request)
    {
        if (!(request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return null;
        using var body = await BoundedBody.ReadAsync(request, MaxBodyBytes);
        if (body is null)
            return null;
        try
        {
            using var document = JsonDocument.Parse(body.Memory);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("apiKey", out var key) && key.ValueKind == JsonValueKind.String
                   && key.GetString() is { Length: > 0 } value ? value.Trim() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The body of <c>POST /session</c>.</summary>
/// <param name="ApiKey">An API key of the team to sign in to.</param>
public sealed record SignInRequest(string ApiKey);

/// <summary>Whom a browser signed in as: the key's team and scopes (<c>READ</c>, <c>WRITE</c>, <c>ADMIN</c>).</summary>
public sealed record SignedIn(SignedInTeam Team, IReadOnlyList<string> Scopes);

/// <summary>The team a browser signed in to.</summary>
public sealed record SignedInTeam(string Id, string? Name);
