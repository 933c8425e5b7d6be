using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Gather.Api.Authentication;

/// <summary>
/// The session cookie: the key's SHA-256 hash, encrypted and signed with ASP.NET Core Data
/// Protection (the key ring every instance shares) and time-limited. The key itself is never in
/// it, script cannot read it (HttpOnly), other sites cannot send it (SameSite=Strict), and each
/// request looks the key up again, so revoking the key ends its sessions at once.
/// </summary>
public sealed class SessionCookie(IDataProtectionProvider protection, IOptions<SessionOptions> options, TimeProvider clock)
{
    public const string Name = "gather_session";

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Gather.Api.Authentication.SessionCookie.v1").ToTimeLimitedDataProtector();

    public void Issue(HttpResponse response, string secretHash)
    {
        var lifetime = TimeSpan.FromMinutes(options.Value.LifetimeMinutes);
        var token = _protector.Protect(secretHash, clock.GetUtcNow() + lifetime);
        // No Expires: the cookie ends with the browser session, and the token's own expiry bounds it too.
        response.Cookies.Append(Name, token, Flags(response.HttpContext.Request));
    }

    public static void Clear(HttpResponse response) =>
        response.Cookies.Delete(Name, Flags(response.HttpContext.Request));

    /// <summary>The key hash a valid, unexpired cookie holds; null for none, an expired one or a forged one.</summary>
    public string? ReadSecretHash(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var token) || string.IsNullOrEmpty(token) || token.Length > 4096)
            return null;
        try
        {
            return _protector.Unprotect(token, out var expires) is { } hash && expires > clock.GetUtcNow() ? hash : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static bool IsPresent(HttpRequest request) => request.Cookies.ContainsKey(Name);

    private static CookieOptions Flags(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Secure = request.IsHttps,
        IsEssential = true,
    };
}
