using System.Security.Cryptography;
using System.Text;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;

namespace Gather.Schema.Typed;

/// <summary>
/// The typed part of one team's schema: its custom models as <see cref="TypedModel"/>s, and the
/// fingerprint of what they were built from, so the cached schema is rebuilt exactly when models,
/// fields, relationships or charge tasks change.
/// </summary>
public sealed record TeamSchemaPlan(IReadOnlyList<TypedModel> Models, string Fingerprint)
{
    /// <summary>
    /// Names a model's own fields cannot take: the record's key and times, which every typed type
    /// has, and <c>and</c>/<c>or</c>, which its filter input uses to combine conditions.
    /// </summary>
    public static readonly IReadOnlyList<string> SystemFields = ["id", "createdAt", "updatedAt", "and", "or"];

    public static TeamSchemaPlan Build(IReadOnlyList<Model> models, IReadOnlyDictionary<string, IReadOnlyList<ModelField>> fields,
        IReadOnlyList<Relationship> relationships, IReadOnlyList<IntegrationTask> tasks, ISet<string> takenTypeNames, ISet<string> takenRootFields)
    {
        var custom = models.Where(m => m.Kind == ModelKind.Custom).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var charged = tasks.Where(t => t.Kind == IntegrationTaskKind.SyncStripeCharges).Select(t => t.Options.ModelId).ToHashSet();
        var typeNames = new HashSet<string>(takenTypeNames, StringComparer.Ordinal);
        var rootFields = new HashSet<string>(takenRootFields, StringComparer.Ordinal);
        var planned = new List<TypedModel>();
        // Each model's field names as claimed, which its relationships' names must not take either.
        var takenFieldNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var model in custom)
        {
            var typeName = GraphQLNames.Claim(GraphQLNames.TypeName(model.Name), typeNames);
            foreach (var suffix in new[] { "FilterInput", "SortInput", "Connection", "Edge" })
                typeNames.Add(typeName + suffix);
            var listField = GraphQLNames.Claim(GraphQLNames.LowerFirst(typeName), rootFields);
            var byIdField = GraphQLNames.Claim(listField + "ById", rootFields);
            var fieldNames = new HashSet<string>(SystemFields, StringComparer.Ordinal);
            var hasCharge = charged.Contains(model.Id);
            if (hasCharge)
                fieldNames.Add(AttachedData.StripeCharge);
            var typed = (fields.GetValueOrDefault(model.Id) ?? [])
                .Where(f => !f.Path.Contains('.') && f.Path != model.IdField && (f.RecordCount > 0 || f.DeclaredType is not null))
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .Select(f => new TypedField(GraphQLNames.Claim(GraphQLNames.Sanitize(f.Path), fieldNames), f.Path, f.Type))
                .ToList();
            planned.Add(new TypedModel(model, typeName, listField, byIdField, typed, hasCharge));
            takenFieldNames[model.Id] = fieldNames;
        }
        // Relationships may lead to custom models (their typed types), standard ones (Account,
        // Customer) and integration ones (StripeCharge, StripeCustomer).
        var byId = models.DistinctBy(m => m.Id).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var withRelationships = planned.Select(p =>
        {
            var taken = takenFieldNames[p.Model.Id];
            var related = relationships.SelectMany(r => r.SidesFrom(p.Model.Id))
                .Where(s => byId.ContainsKey(s.TargetModelId))
                .OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new TypedRelationship(GraphQLNames.Claim(GraphQLNames.Sanitize(s.Name), taken), s, byId[s.TargetModelId],
                    s.LeadsToOne(byId[s.TargetModelId])))
                .ToList();
            return p with { Relationships = related };
        }).ToList();
        return new TeamSchemaPlan(withRelationships, FingerprintOf(custom, fields, relationships, charged));
    }

    private static string FingerprintOf(IEnumerable<Model> models, IReadOnlyDictionary<string, IReadOnlyList<ModelField>> fields,
        IEnumerable<Relationship> relationships, IEnumerable<string?> charged)
    {
        var text = new StringBuilder();
        foreach (var model in models)
        {
            text.Append("m:").Append(model.Id).Append('|').Append(model.Name).Append('|').Append(model.IdField).Append('\n');
            foreach (var field in (fields.GetValueOrDefault(model.Id) ?? []).Where(f => !f.Path.Contains('.')).OrderBy(f => f.Path, StringComparer.Ordinal))
                text.Append("f:").Append(field.Path).Append('|').Append(field.Type).Append('|').Append(field.RecordCount > 0 || field.DeclaredType is not null).Append('\n');
        }
        foreach (var relationship in relationships.OrderBy(r => r.Id, StringComparer.Ordinal))
            text.Append("r:").Append(relationship.Id).Append('|').Append(relationship.Name).Append('|').Append(relationship.InverseName).Append('\n');
        foreach (var modelId in charged.OrderBy(m => m, StringComparer.Ordinal))
            text.Append("c:").Append(modelId).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
