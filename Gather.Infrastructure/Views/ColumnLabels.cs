using System.Text;

namespace Gather.Infrastructure.Views;

/// <summary>
/// Labels for column paths, so a table can show headers without a naming scheme of its own:
/// each part of the path becomes words (<c>stripe_charge_id</c> → <c>Stripe charge ID</c>,
/// <c>amountRefunded</c> → <c>Amount refunded</c>) and parts are joined with <c> · </c>
/// (<c>stripeCharge.status</c> → <c>Stripe charge · Status</c>).
/// </summary>
public static class ColumnLabels
{
    public const string Separator = " · ";

    // Words people write in capitals; anything else is lower case after the first word.
    private static readonly HashSet<string> Acronyms = new(StringComparer.OrdinalIgnoreCase) { "id", "url", "api", "ip", "sku", "vat", "iso" };

    public static string For(string path) => string.Join(Separator, path.Split('.').Select(Words));

    /// <summary>One field name as words: split at <c>_</c>, <c>-</c>, spaces and lower-to-upper case changes.</summary>
    public static string Words(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or ' ')
            {
                Flush();
                continue;
            }
            var startsWord = word.Length > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord)
                Flush();
            word.Append(c);
        }
        Flush();
        if (words.Count == 0)
            return name;
        // A word written in capitals (HTTP) stays as written.
        return string.Join(' ', words.Select((w, i) => Acronyms.Contains(w) ? w.ToUpperInvariant()
            : w.Length > 1 && w.All(char.IsUpper) ? w
            : i == 0 ? char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant() : w.ToLowerInvariant()));

        void Flush()
        {
            if (word.Length > 0)
                words.Add(word.ToString());
            word.Clear();
        }
    }
}
