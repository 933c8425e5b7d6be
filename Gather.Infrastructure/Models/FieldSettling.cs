using System.Text.Json.Nodes;

namespace Gather.Infrastructure.Models;

/// <summary>
/// The type rule for fields nobody declared: the first values synced into a path settle its kind,
/// and the kind stays, so the typed schema a client was generated from does not change with the
/// data. Integers widen to decimals (INT becomes FLOAT); nothing else changes by itself, and a
/// later value of another kind is refused at sync. A declared type wins over a settled kind, and
/// a field declared JSON (with everything under it) accepts anything.
/// </summary>
/// <remarks>
/// A model's attached sections (the Stripe charge) are recorded the same way under <c>$</c> and
/// the section's name, which no synced field can take, so a model keeps its <c>stripeCharge</c>
/// field once it has had a charge task, whether or not Stripe is still connected.
/// </remarks>
public static class FieldSettling
{
    /// <summary>Where an attached section is recorded among the settled fields.</summary>
    public static string SectionPath(string section) => "$" + section;

    public static bool IsSection(string path) => path.StartsWith('$');

    /// <summary>
    /// The kind a value settles a field to: its JSON kind, except that an integer beyond the
    /// 32 bits of GraphQL's Int counts as a decimal. Null for null, which removes a field.
    /// </summary>
    public static ValueKind? KindOf(JsonNode? value)
    {
        var kind = FieldCatalogue.KindOf(value);
        return kind switch
        {
            ValueKind.Null => null,
            ValueKind.Int when value!.GetValue<long>() is < int.MinValue or > int.MaxValue => ValueKind.Float,
            _ => kind,
        };
    }

    /// <summary>The kind a field settled to <paramref name="settled"/> has after taking a value of <paramref name="value"/>; null when it does not fit.</summary>
    public static ValueKind? Combine(ValueKind settled, ValueKind value) => (settled, value) switch
    {
        _ when settled == value => settled,
        (ValueKind.Float, ValueKind.Int) => ValueKind.Float,
        (ValueKind.Int, ValueKind.Float) => ValueKind.Float,
        _ => null,
    };

    /// <summary>
    /// <paramref name="existing"/> with <paramref name="proposed"/> settled: new paths are added
    /// after the others, in order, and INT widens to FLOAT; any other proposal leaves a path as it
    /// is (the first kind wins). <paramref name="changed"/> says whether anything changed.
    /// </summary>
    public static IReadOnlyList<SettledField> Merge(IReadOnlyList<SettledField> existing, IEnumerable<SettledField> proposed, out bool changed)
    {
        var merged = existing.ToList();
        changed = false;
        foreach (var proposal in proposed)
        {
            var at = merged.FindIndex(f => string.Equals(f.Path, proposal.Path, StringComparison.Ordinal));
            if (at < 0)
            {
                merged.Add(proposal);
                changed = true;
            }
            else if (merged[at].Kind == ValueKind.Int && proposal.Kind == ValueKind.Float)
            {
                merged[at] = proposal;
                changed = true;
            }
        }
        return merged;
    }

    /// <summary>The field type a settled kind gives: objects and lists are JSON.</summary>
    public static FieldType TypeOf(ValueKind kind) => kind switch
    {
        ValueKind.String => FieldType.String,
        ValueKind.Int => FieldType.Int,
        ValueKind.Float => FieldType.Float,
        ValueKind.Boolean => FieldType.Boolean,
        _ => FieldType.Json,
    };

    /// <summary>Whether the path or a field it lies in is declared JSON, so anything goes there.</summary>
    public static bool UnderJson(Model model, string path)
    {
        for (var end = path.Length; end > 0; end = path.LastIndexOf('.', end - 1))
        {
            if (model.DeclaredType(path[..end]) == FieldType.Json)
                return true;
        }
        return false;
    }

    /// <summary>Why a value does not fit a settled field, and the two ways out.</summary>
    public static string Problem(string path, ValueKind settled, ValueKind value) =>
        $"Field '{path}' is {Describe(settled)}, set by the first values synced into it, and this value is {Spelled(value)}. " +
        $"Send {Spelled(settled)}, or declare the field JSON with declareModelFields to accept any value (or declare another type to change it).";

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Object => "JSON (an object)",
        ValueKind.Array => "JSON (a list)",
        _ => TypeOf(kind).ToString().ToUpperInvariant(),
    };

    private static string Spelled(ValueKind kind) => kind switch
    {
        ValueKind.String => "a string",
        ValueKind.Int => "an integer",
        ValueKind.Float => "a number",
        ValueKind.Boolean => "true or false",
        ValueKind.Object => "an object",
        ValueKind.Array => "a list",
        _ => "null",
    };
}
