using System.Security.Cryptography;

namespace Gather.Infrastructure.Storage;

/// <summary>
/// Opaque, URL-safe identifiers with a kind prefix (<c>team_…</c>, <c>key_…</c>) so an ID
/// pasted into the wrong place is recognisable in errors and logs.
/// </summary>
public static class DocumentIds
{
    public static string New(string kind) =>
        $"{kind}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
}
