using System.Security.Cryptography;
using System.Text;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Relationships;
using Gather.Schema.Records;

namespace Gather.Schema.Typed;

/// <summary>
/// The typed part of one team's schema: its custom models as <see cref="TypedModel"/>s, the
/// typed fields its standard types (Account, Customer) gain for the fields the team syncs into
/// them beyond their own, and the fingerprint of what they were built from, so the cached schema
/// is rebuilt exactly when models, fields, relationships or the tasks attaching data to them change.
/// </summary>
public sealed record TeamSchemaPlan(IReadOnlyList<TypedModel> Models, IReadOnlyDictionary<string, IReadOnlyList<TypedField>> StandardFields,
    string Fingerprint)
{
    /// <summary>
    /// Names a model's own fields cannot take: the record's key and times, which every typed type
    /// has, and <c>and</c>/<c>or</c>, which its filter input uses to combine conditions.
    /// </summary>
    public static readonly IReadOnlyList<string> SystemFields = ["id", "createdAt", "updatedAt", "and", "or"];

    // By model id, the synced paths its type already shows (typed fields, the ID field, a standard
    // type's own fields). Custom and standard models only: integration models have no typed fields.
    private IReadOnlyDictionary<string, HashSet<string>> _shownPaths = new Dictionary<string, HashSet<string>>();

    /// <summary>
    /// Whether a sync writing <paramref name="paths"/> into the model brings a field its type lacks,
    /// so the schema must be checked. A model the plan does not know (a new custom model) came from
    /// a mutation, which asks for a check itself.
    /// </summary>
    public bool Lacks(string modelId, IEnumerable<string> paths) =>
        _shownPaths.TryGetValue(modelId, out var shown) && paths.Any(p => !p.Contains('.') && !shown.Contains(p));

    /// <summary>Models left out of the typed API by the safety net, by model id, with the reason (see <see cref="TeamSchemaFallback"/>).</summary>
    public IReadOnlyDictionary<string, string> Problems { get; init; } = new Dictionary<string, string>();

    /// <summary>Fields left out of a model's type, by model id (custom and standard models alike).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ExcludedField>> ExcludedFields { get; init; } = new Dictionary<string, IReadOnlyList<ExcludedField>>();

    /// <summary>The relationships of Account and Customer a team created, as fields of their types, by model name (e.g. <c>Account.orders</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TypedRelationship>> StandardRelationships { get; init; } =
        new Dictionary<string, IReadOnlyList<TypedRelationship>>();

    /// <summary>Account's and Customer's model ids by name, as <see cref="StandardFields"/> is keyed by name.</summary>
    public IReadOnlyDictionary<string, string> StandardModelIds { get; init; } = new Dictionary<string, string>();

    public static TeamSchemaPlan Build(IReadOnlyList<Model> models, IReadOnlyDictionary<string, IReadOnlyList<ModelField>> fields,
        IReadOnlyList<Relationship> relationships, IReadOnlyList<IntegrationTask> tasks, ISet<string> takenTypeNames, ISet<string> takenRootFields,
        IReadOnlyDictionary<string, ISet<string>>? standardTypeFields = null, TypedApiLimits? limits = null)
    {
        limits ??= TypedApiLimits.None;
        var budget = new FieldBudget(limits);
        var custom = GraphQLNames.InClaimOrder(models.Where(m => m.Kind == ModelKind.Custom), m => m.Name, GraphQLNames.TypeName)
            .ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        // A model keeps a section once it had a task filling it (recorded as settled), whether or not the integration is still connected.
        var sections = custom.ToDictionary(m => m.Id, m => AttachedSections.KeptBy(m, tasks), StringComparer.Ordinal);
        var byId = models.DistinctBy(m => m.Id).ToDictionary(m => m.Id, StringComparer.Ordinal);
        IEnumerable<RelationshipSide> SidesOf(Model model, bool customOnly = false) => relationships
            .Where(r => !customOnly || r.Kind == RelationshipKind.Custom)
            .SelectMany(r => r.SidesFrom(model.Id)).Where(s => byId.ContainsKey(s.TargetModelId));
        var typeNames = new HashSet<string>(takenTypeNames, StringComparer.Ordinal);
        var rootFields = new HashSet<string>(takenRootFields, StringComparer.Ordinal);
        var planned = new List<TypedModel>();
        // Each model's field names as claimed, which its relationships' names must not take either.
        var takenFieldNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var ownFieldNamed = new Dictionary<RelationshipSide, string>();
        var shown = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var excluded = new Dictionary<string, IReadOnlyList<ExcludedField>>(StringComparer.Ordinal);
        foreach (var model in custom)
        {
            // A model's type comes with its inputs, connection and edge, and its list with a by-id field:
            // each group is claimed whole, so `Accounts` cannot take Gather's `AccountsConnection`.
            var typeName = GraphQLNames.Claim(GraphQLNames.TypeName(model.Name), typeNames, [.. RecordTypeNames.Suffixes]);
            var listField = GraphQLNames.Claim(GraphQLNames.LowerFirst(typeName), rootFields, "", "ById");
            var fieldNames = new HashSet<string>(SystemFields, StringComparer.Ordinal);
            fieldNames.UnionWith(sections[model.Id]);
            var rawNames = TypedFieldNames.ClaimOwnFieldRelationships(model, SidesOf(model), fieldNames, ownFieldNamed);
            var (typed, left) = TypedFields(model, fields.GetValueOrDefault(model.Id), [model.IdField], fieldNames, budget, rawNames);
            shown[model.Id] = ShownPaths(typed, left, [model.IdField]);
            excluded[model.Id] = left;
            planned.Add(new TypedModel(model, typeName, listField, listField + "ById", typed, sections[model.Id]));
            takenFieldNames[model.Id] = fieldNames;
        }
        // Relationships may lead to custom models (their typed types), standard ones (Account,
        // Customer) and integration ones (StripeCharge, StripeCustomer).
        var withRelationships = planned.Select(p => p with
        {
            Relationships = TypedFieldNames.Relationships(SidesOf(p.Model), byId, takenFieldNames[p.Model.Id], ownFieldNamed),
        }).ToList();
        var standard = models.Where(m => m.Kind == ModelKind.Standard).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var standardFields = new Dictionary<string, IReadOnlyList<TypedField>>(StringComparer.Ordinal);
        var standardRelationships = new Dictionary<string, IReadOnlyList<TypedRelationship>>(StringComparer.Ordinal);
        foreach (var model in standard)
        {
            var own = StandardOwnFields.GetValueOrDefault(model.Name, [model.IdField]);
            var taken = new HashSet<string>(standardTypeFields?.GetValueOrDefault(model.Name) ?? new HashSet<string>(), StringComparer.Ordinal);
            var (typed, left) = TypedFields(model, fields.GetValueOrDefault(model.Id), own, taken, budget, new Dictionary<string, string>());
            standardFields[model.Name] = typed;
            // Their own relationship (Customer.account, Account.customers) is a field of Gather's types already.
            standardRelationships[model.Name] = TypedFieldNames.Relationships(SidesOf(model, customOnly: true), byId, taken, new Dictionary<RelationshipSide, string>());
            shown[model.Id] = ShownPaths(typed, left, own);
            excluded[model.Id] = left;
        }
        return new TeamSchemaPlan(withRelationships, standardFields, FingerprintOf(custom.Concat(standard), fields, relationships, sections))
        {
            _shownPaths = shown,
            ExcludedFields = excluded,
            StandardRelationships = standardRelationships,
            StandardModelIds = standard.DistinctBy(m => m.Name).ToDictionary(m => m.Name, m => m.Id, StringComparer.Ordinal),
        };
    }

    /// <summary>The fields Account and Customer show as their own (<c>name</c>; <c>email</c>, <c>accountName</c>), not again as typed fields.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> StandardOwnFields = Gather.Infrastructure.Models.StandardModels.For("", DateTimeOffset.UnixEpoch)
        .ToDictionary(m => m.Name, m => m.DeclaredFields.Select(d => d.Path).ToArray(), StringComparer.Ordinal);

    // Fields left out count as shown: a sync of them brings nothing the schema could add.
    private static HashSet<string> ShownPaths(IEnumerable<TypedField> typed, IEnumerable<ExcludedField> left, string[] skipped) =>
        typed.Select(f => f.Path).Concat(left.Select(f => f.Path)).Concat(skipped).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A typed field per top-level field that is declared, settled or has records, named against
    /// <paramref name="taken"/> in <see cref="TypedFieldNames.ClaimOrder"/>. A field a relationship
    /// took the name of is named as in <paramref name="rawNames"/>. Past the budget, declared fields
    /// are kept first, then by path; the rest are left out, each with the reason.
    /// </summary>
    private static (List<TypedField> Typed, List<ExcludedField> Left) TypedFields(Model model, IReadOnlyList<ModelField>? fields, string[] skipped,
        HashSet<string> taken, FieldBudget budget, IReadOnlyDictionary<string, string> rawNames)
    {
        var candidates = (fields ?? [])
            .Where(f => !f.Path.Contains('.') && !skipped.Contains(f.Path) && (f.RecordCount > 0 || f.DeclaredType is not null || f.SettledKind is not null))
            .OrderBy(f => f.DeclaredType is null ? 1 : 0).ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var room = budget.Take(candidates.Count);
        var left = candidates.Skip(room).Select(f => new ExcludedField(f.Path, budget.Reason(model))).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var typed = TypedFieldNames.ClaimOrder(model, candidates.Take(room), rawNames)
            .Select(f => new TypedField(GraphQLNames.Claim(rawNames.GetValueOrDefault(f.Path) ?? GraphQLNames.FieldName(f.Path), taken), f.Path, f.Type))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return (typed, left);
    }

    /// <summary>How many more typed fields a model, and the team, may have.</summary>
    private sealed class FieldBudget(TypedApiLimits limits)
    {
        private int _team = limits.MaxFieldsPerTeam;
        private bool _teamFull;

        public int Take(int wanted)
        {
            var room = Math.Min(Math.Min(wanted, limits.MaxFieldsPerModel), _team);
            _teamFull |= room < wanted && room == _team;
            _team -= room;
            return room;
        }

        public string Reason(Model model) => _teamFull
            ? $"The team's typed API has reached its {limits.MaxFieldsPerTeam} typed fields (Gather:GraphQL:MaxTypedFieldsPerTeam); " +
              "read this field through `records(modelId:)`, or raise the limit."
            : $"The model \"{model.Name}\" has more than {limits.MaxFieldsPerModel} typed fields (Gather:GraphQL:MaxTypedFieldsPerModel); " +
              "read this field through `records(modelId:)`, or declare the fields that matter.";
    }

    private static string FingerprintOf(IEnumerable<Model> models, IReadOnlyDictionary<string, IReadOnlyList<ModelField>> fields,
        IEnumerable<Relationship> relationships, IReadOnlyDictionary<string, IReadOnlyList<string>> sections)
    {
        var text = new StringBuilder();
        foreach (var model in models)
        {
            text.Append("m:").Append(model.Id).Append('|').Append(model.Name).Append('|').Append(model.IdField).Append('\n');
            // Names are claimed in the order fields were settled.
            text.Append("s:").AppendJoin('|', model.SettledFields.Select(f => f.Path)).Append('\n');
            foreach (var field in (fields.GetValueOrDefault(model.Id) ?? []).Where(f => !f.Path.Contains('.')).OrderBy(f => f.Path, StringComparer.Ordinal))
                text.Append("f:").Append(field.Path).Append('|').Append(field.Type).Append('|').Append(field.RecordCount > 0 || field.DeclaredType is not null).Append('\n');
        }
        foreach (var relationship in relationships.OrderBy(r => r.Id, StringComparer.Ordinal))
            text.Append("r:").Append(relationship.Id).Append('|').Append(relationship.Name).Append('|').Append(relationship.InverseName).Append('\n');
        foreach (var (modelId, names) in sections.OrderBy(s => s.Key, StringComparer.Ordinal))
            foreach (var section in names)
                text.Append("a:").Append(modelId).Append('|').Append(section).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
