using System.Security.Claims;
using System.Text.Encodings.Web;
using Gather.Api.Hosting;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Teams;
using Gather.Schema.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gather.Api.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Token &lt;key&gt;</c> (the form Gather's docs use) or
/// <c>Bearer &lt;key&gt;</c> against the hashed keys in the store; without a header, the
/// browser's session cookie (<see cref="SessionCookie"/>), whose state-changing requests must come
/// from this server's own pages (<see cref="SameOrigin"/>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGatherStore store,
    SessionCookie sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header) && SessionCookie.IsPresent(Request))
            return await AuthenticateSessionAsync();
        if (string.IsNullOrWhiteSpace(header))
            return AuthenticateResult.Fail("This request has no API key. Send one as 'Authorization: Token <key>'.");

        var parts = header.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !(parts[0].Equals("Token", StringComparison.OrdinalIgnoreCase)
                                   || parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase)))
            return AuthenticateResult.Fail("The Authorization header must be 'Token <key>' or 'Bearer <key>'.");
        if (parts[1].Length > ApiKeySecret.MaximumLength)
            return AuthenticateResult.Fail("The API key is not valid.");

        return await AuthenticateKeyAsync(ApiKeySecret.Hash(parts[1]), "The API key is not valid.");
    }

    private async Task<AuthenticateResult> AuthenticateSessionAsync()
    {
        if (sessions.ReadSecretHash(Request) is not { } hash)
            return AuthenticateResult.Fail("Your session has ended; sign in again.");
        if (SameOrigin.IsStateChanging(Request) && !SameOrigin.IsOwnOrigin(Request))
            return AuthenticateResult.Fail(new CrossSiteRequestException());
        return await AuthenticateKeyAsync(hash, "The API key of this session no longer exists; sign in again.");
    }

    private async Task<AuthenticateResult> AuthenticateKeyAsync(string secretHash, string unknown)
    {
        var key = await store.FindApiKeyBySecretHashAsync(secretHash, Context.RequestAborted);
        if (key is null)
            return AuthenticateResult.Fail(unknown);
        if (key.IsRevoked)
            return AuthenticateResult.Fail("This API key has been revoked.");

        var principal = CallerClaims.ToPrincipal(new Caller(key.TeamId, key.Id, key.Scopes), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is CrossSiteRequestException refused)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            await ErrorResponse.WriteAsync(Response, refused.Message, ErrorCodes.Forbidden);
            return;
        }
        if (SessionCookie.IsPresent(Request) && string.IsNullOrWhiteSpace(Request.Headers.Authorization))
            SessionCookie.Clear(Response);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Token realm=\"gather\"";
        await ErrorResponse.WriteAsync(Response, result.Failure?.Message ?? "Authentication is required.",
            ErrorCodes.Unauthenticated);
    }
}

/// <summary>Carries a <see cref="Caller"/> through ASP.NET Core's ClaimsPrincipal.</summary>
public static class CallerClaims
{
    private const string TeamId = "gather:team", ApiKeyId = "gather:apiKey", Scope = "gather:scope";

    public static ClaimsPrincipal ToPrincipal(Caller caller, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(TeamId, caller.TeamId), new Claim(ApiKeyId, caller.ApiKeyId),
            .. caller.Scopes.Select(s => new Claim(Scope, s.ToWireName())),
        ], scheme));

    /// <summary>The caller's key id alone, for per-request partitioning that needs no scopes.</summary>
    public static string? ApiKeyIdOf(ClaimsPrincipal principal) => principal.FindFirstValue(ApiKeyId);

    /// <summary>The caller's team id alone.</summary>
    public static string? TeamIdOf(ClaimsPrincipal principal) => principal.FindFirstValue(TeamId);

    public static Caller? FromPrincipal(ClaimsPrincipal principal) =>
        principal.FindFirstValue(TeamId) is { } team && principal.FindFirstValue(ApiKeyId) is { } key
            ? new Caller(team, key, principal.FindAll(Scope)
                .Select(c => ApiKeyScopes.TryParse(c.Value, out var s) ? s : (ApiKeyScope?)null)
                .OfType<ApiKeyScope>().ToArray())
            : null;
}
