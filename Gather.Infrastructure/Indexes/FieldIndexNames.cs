using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gather.Infrastructure.Indexes;

/// <summary>
/// The name of a team's index on some fields of a model: derived from all three, so two
/// instances asking for the same index at once agree on one name, and no two teams share one.
/// </summary>
internal static class FieldIndexNames
{
    public const string Prefix = "ix_records_held_";

    /// <summary>
    /// Changes whenever what an index holds per field changes, so that an index of the old shape
    /// is let go and built anew the next time its owner holds it, instead of being kept by name.
    /// </summary>
    private const string Shape = "ordered-value-key";

    public static string For(string teamId, FieldIndexKey key)
    {
        var identity = JsonSerializer.Serialize(new[] { Shape, teamId, key.ModelId }.Concat(key.FieldNames).ToArray());
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }
}
