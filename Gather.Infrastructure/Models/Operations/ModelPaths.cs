using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Validation;
using Gather.Infrastructure.Views;

namespace Gather.Infrastructure.Models.Operations;

/// <summary>
/// The paths a caller may name on a model, so a typo is an error rather than a filter that
/// matches nothing or a column that reads null. A path is known when it is:
/// <list type="bullet">
/// <item>the model's ID field, or a path of its field catalogue (declared, or seen in a synced
/// record: <c>address</c> and <c>address.city</c> alike), or a path below a field declared JSON;</item>
/// <item>a path into data tasks attach (<c>stripeCharge</c>, <c>stripeCharge.status</c>,
/// <c>stripeCharge.metadata.…</c>);</item>
/// <item>for columns only, a relationship leading to one record, alone or followed by a path the
/// related model knows (<c>account.plan</c>).</item>
/// </list>
/// Until a record has been synced into the model (<see cref="Checked"/> false), a typo cannot be
/// told from a field still to come, so every well-formed path is accepted; declared types still apply.
/// </summary>
public sealed class ModelPaths
{
    private readonly Dictionary<string, ModelField> _fields;
    private readonly IReadOnlyList<PathThrough> _through;
    private List<string>? _candidates;

    private ModelPaths(Model model, IReadOnlyList<ModelField> fields, IReadOnlyList<PathThrough> through)
    {
        Model = model;
        _fields = fields.ToDictionary(f => f.Path, StringComparer.Ordinal);
        _through = through;
        Checked = fields.Any(f => f.RecordCount > 0);
    }

    /// <summary>The paths of <paramref name="model"/> given its catalogue and, for columns, the relationships leading from it.</summary>
    public static ModelPaths For(Model model, IReadOnlyList<ModelField> fields, IReadOnlyList<PathThrough>? through = null) =>
        new(model, fields, through ?? []);

    public Model Model { get; }

    /// <summary>False while nothing has been synced into the model: then every well-formed path is accepted.</summary>
    public bool Checked { get; }

    /// <summary>Whether filters and sorts may name <paramref name="path"/>: an own field or attached data.</summary>
    public bool Knows(FieldPath path) => !Checked || KnowsAttached(path) || KnowsOwnPath(path);

    /// <summary>The type of values at <paramref name="path"/> when Gather knows it: the catalogue's, or the attached field's.</summary>
    public FieldType? TypeOf(FieldPath path)
    {
        if (AttachedData.IsAttached(path))
            return path.Segments.Count switch
            {
                1 => FieldType.Json,
                2 when path.Segments[1] == Metadata => FieldType.Json,
                2 => DefaultColumns.FieldsOf(path.Segments[0]).Where(f => f.Name == path.Segments[1]).Select(f => (FieldType?)f.Type).FirstOrDefault(),
                _ => null,
            };
        return _fields.TryGetValue(path.ToString(), out var field) && (field.DeclaredType is not null || field.RecordCount > 0) ? field.Type : null;
    }

    /// <summary>
    /// Whether values at <paramref name="path"/> may be arrays, whose elements a filter must then
    /// also look at: false only for a path of the catalogue that has never held one (attached
    /// data and paths below a JSON field are not in the catalogue, so they may).
    /// </summary>
    public bool MayHoldArrays(FieldPath path) =>
        !Checked || AttachedData.IsAttached(path) || !_fields.TryGetValue(path.ToString(), out var field)
        || field.Observed.Any(o => o.Kind == ValueKind.Array && o.Count > 0);

    /// <summary>A path of a filter or sort: an own field or attached data; null when known.</summary>
    public ValidationProblem? CheckField(string at, FieldPath path) =>
        Knows(path) ? null : Unknown(at, path.ToString(), Candidates(), columns: false);

    /// <summary>
    /// A field of the record's own synced data (a relationship's field, a task's charge id
    /// field), not attached data; null when known.
    /// </summary>
    public ValidationProblem? CheckOwnField(string at, FieldPath path)
    {
        if (AttachedData.IsAttached(path))
            return new ValidationProblem(at, "reserved", $"'{path.Segments[0]}' holds data a task attached, not a synced field of {Model.Name}: name a field of the record itself.");
        return !Checked || KnowsOwnPath(path) ? null : Unknown(at, path.ToString(), OwnCandidates(), columns: false);
    }

    /// <summary>A column: like a filter's path, or through a relationship to one record; null when known.</summary>
    public ValidationProblem? CheckColumn(string at, FieldPath path)
    {
        if (_through.FirstOrDefault(t => t.Side.Name == path.Segments[0]) is { } through)
        {
            if (!through.Side.LeadsToOne(through.Target))
                return new ValidationProblem(at, "toMany",
                    $"Column '{path}' goes through '{through.Side.Name}', which leads to many {through.Target.Name} records; a column shows one value.");
            if (path.Segments.Count == 1)
                return null;
            var rest = new FieldPath(path.Segments.Skip(1).ToList());
            if (through.TargetPaths.Knows(rest))
                return null;
            var closest = PathSuggestion.Closest(rest.ToString(), through.TargetPaths.Candidates());
            return Unknown(at, path.ToString(), closest is null ? [] : [$"{through.Side.Name}.{closest}"], columns: true, owner: through.Target.Name, inner: rest.ToString());
        }
        return Knows(path) ? null : Unknown(at, path.ToString(), Candidates().Concat(ThroughCandidates()), columns: true);
    }

    private const string Metadata = "metadata";

    private static bool KnowsAttached(FieldPath path) => AttachedData.IsAttached(path) && (path.Segments.Count == 1
        || path.Segments[1] == Metadata
        || path.Segments.Count == 2 && DefaultColumns.FieldsOf(path.Segments[0]).Any(f => f.Name == path.Segments[1]));

    private bool KnowsOwnPath(FieldPath path)
    {
        var text = path.ToString();
        if (text == Model.IdField || _fields.TryGetValue(text, out var field) && (field.RecordCount > 0 || field.DeclaredType is not null))
            return true;
        // Below a field declared JSON, any path may hold a value.
        for (var n = path.Segments.Count - 1; n >= 1; n--)
            if (Model.DeclaredType(string.Join('.', path.Segments.Take(n))) == FieldType.Json)
                return true;
        return false;
    }

    /// <summary>The own paths a suggestion may name: the ID field, then the catalogue's paths.</summary>
    private IEnumerable<string> OwnCandidates() =>
        new[] { Model.IdField }.Concat(_fields.Values.Where(f => f.RecordCount > 0 || f.DeclaredType is not null).Select(f => f.Path));

    /// <summary>Every path a filter's suggestion may name: own paths, then attached fields.</summary>
    private List<string> Candidates() => _candidates ??= OwnCandidates()
        .Concat(AttachedData.All.SelectMany(s => s.Fields.Select(f => $"{s.Name}.{f.Name}").Append($"{s.Name}.{Metadata}")))
        .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Relationships to one record, alone and followed by their target's paths.</summary>
    private IEnumerable<string> ThroughCandidates() => _through.Where(t => t.Side.LeadsToOne(t.Target))
        .SelectMany(t => new[] { t.Side.Name }.Concat(t.TargetPaths.Candidates().Select(p => $"{t.Side.Name}.{p}")));

    private ValidationProblem Unknown(string at, string path, IEnumerable<string> candidates, bool columns, string? owner = null, string? inner = null)
    {
        var suggestion = inner is null ? PathSuggestion.Closest(path, candidates) : candidates.FirstOrDefault();
        var what = inner is null ? $"{Model.Name} has no field '{path}'." : $"Column '{path}': {owner} has no field '{inner}'.";
        var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
        var rule = columns
            ? " A column names a field the model declares or has synced (`model(id: …) { fields { path } }` lists them), attached data such as `stripeCharge.status`, or a field of the one record a relationship leads to, such as `account.plan`."
            : " A path names a field the model declares or has synced (`model(id: …) { fields { path } }` lists them), or attached data such as `stripeCharge.status`.";
        return new ValidationProblem(at, "unknownField", what + hint + rule, suggestion);
    }
}

/// <summary>A relationship leading from a model, with the paths of the model it leads to: how columns such as <c>account.plan</c> are checked.</summary>
public sealed record PathThrough(RelationshipSide Side, Model Target, ModelPaths TargetPaths);
