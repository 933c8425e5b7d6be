using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gather.Infrastructure.Models;

/// <summary>
/// Builds a model's field catalogue and the count changes a write causes. Every object path is
/// catalogued (<c>address</c> and <c>address.city</c>); arrays are one field and not entered.
/// A settled path stays in the catalogue when no record holds it any more, as its typed field does.
/// </summary>
public static class FieldCatalogue
{
    public static IReadOnlyList<ModelField> Build(Model model, IEnumerable<FieldStatistic> statistics)
    {
        var observed = statistics.Where(s => s.Count > 0).GroupBy(s => s.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FieldStatistic>)g.OrderBy(s => s.Kind).ToList(), StringComparer.Ordinal);
        var settled = model.SettledFields.Where(f => !FieldSettling.IsSection(f.Path)).ToList();
        var paths = observed.Keys.Concat(model.DeclaredFields.Select(f => f.Path)).Concat(settled.Select(f => f.Path))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return paths.Select(p => new ModelField(p, model.DeclaredType(p), observed.GetValueOrDefault(p) ?? [], model.SettledKind(p))).ToList();
    }

    /// <summary>The (path, kind) pairs a record's data carries.</summary>
    public static IEnumerable<(string Path, ValueKind Kind)> Observe(JsonObject data, string prefix = "")
    {
        foreach (var (name, value) in data)
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            yield return (path, KindOf(value));
            if (value is JsonObject nested)
                foreach (var inner in Observe(nested, path))
                    yield return inner;
        }
    }

    /// <summary>Count changes for replacing <paramref name="before"/> with <paramref name="after"/> (either may be absent).</summary>
    public static void AddDelta(Dictionary<(string Path, ValueKind Kind), long> delta, JsonObject? before, JsonObject? after)
    {
        if (before is not null)
            foreach (var entry in Observe(before))
                delta[entry] = delta.GetValueOrDefault(entry) - 1;
        if (after is not null)
            foreach (var entry in Observe(after))
                delta[entry] = delta.GetValueOrDefault(entry) + 1;
    }

    public static ValueKind KindOf(JsonNode? value) => value switch
    {
        null => ValueKind.Null,
        JsonObject => ValueKind.Object,
        JsonArray => ValueKind.Array,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => ValueKind.String,
            JsonValueKind.True or JsonValueKind.False => ValueKind.Boolean,
            JsonValueKind.Number => v.TryGetValue<long>(out _) ? ValueKind.Int : ValueKind.Float,
            _ => ValueKind.Null,
        },
        _ => ValueKind.Null,
    };
}
