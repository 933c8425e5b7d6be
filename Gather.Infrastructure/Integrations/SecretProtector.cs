using Microsoft.AspNetCore.DataProtection;

namespace Gather.Infrastructure.Integrations;

/// <summary>
/// Encrypts integration secrets at rest with ASP.NET Core Data Protection. The key ring is
/// persisted (beside the SQLite file, or in MongoDB), so a restart, or another instance
/// sharing the store, can still decrypt.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    // The purpose string isolates these payloads from anything else protected with the same key ring.
    private readonly IDataProtector _protector = provider.CreateProtector("Gather.Integrations.SecretKey.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
