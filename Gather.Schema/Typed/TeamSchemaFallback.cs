using GraphQL.Types;
using Microsoft.Extensions.Logging;

namespace Gather.Schema.Typed;

/// <summary>
/// The last safety net under a team's typed schema. The naming rule should make every plan
/// buildable; should graphql-dotnet still refuse one, the part that fails on its own is left out
/// (a model, the synced fields of Account and Customer, relationships) with its reason on
/// <c>Model.typedApi</c>, and the rest of the team's typed API is built. Only if nothing typed
/// can be built does the team get Gather's schema alone.
/// </summary>
public static class TeamSchemaFallback
{
    public static ISchema? Build(TeamSchemaFactory factory, TeamSchemaPlan plan, ILogger logger, string teamId)
    {
        if (TryBuild(factory, plan, out var schema, out var error))
            return schema;
        logger.LogError(error, "Could not build the typed schema of team {TeamId}; leaving out the parts that fail on their own", teamId);
        var problems = new Dictionary<string, string>(plan.Problems, StringComparer.Ordinal);
        var excluded = plan.ExcludedFields.ToDictionary(e => e.Key, e => e.Value.ToList(), StringComparer.Ordinal);
        var standardFields = plan.StandardFields;
        if (!TryBuild(factory, plan with { Models = [] }, out _, out error))
        {
            logger.LogError(error, "Team {TeamId}: the typed fields of Account and Customer are left out", teamId);
            foreach (var (name, fields) in plan.StandardFields)
            {
                Excluded(excluded, plan.StandardModelIds.GetValueOrDefault(name, name)).AddRange(fields.Select(f => new ExcludedField(f.Path, Reason(error))));
            }
            standardFields = new Dictionary<string, IReadOnlyList<TypedField>>();
        }
        var kept = new List<TypedModel>();
        foreach (var model in plan.Models)
        {
            // Alone, without the relationships that lead to other models' types.
            var alone = model with { Relationships = model.Relationships.Where(r => !IsTyped(plan, r)).ToList() };
            if (TryBuild(factory, plan with { Models = [alone], StandardFields = new Dictionary<string, IReadOnlyList<TypedField>>() }, out _, out error))
                kept.Add(model);
            else
            {
                logger.LogError(error, "Team {TeamId}: the model {ModelId} (\"{ModelName}\") is left out of the typed schema", teamId, model.Model.Id, model.Model.Name);
                problems[model.Model.Id] = Reason(error);
            }
        }
        // Relationships into a model left out go with it.
        kept = kept.Select(m => m with
        {
            Relationships = m.Relationships.Where(r => !problems.ContainsKey(r.Target.Id) || Leave(excluded, m, r,
                $"It leads to the model \"{r.Target.Name}\", which is left out of the typed API; `relatedOne`/`related` on `records` still follow it.")).ToList(),
        }).ToList();
        var rest = plan with { Models = kept, StandardFields = standardFields, Problems = problems, ExcludedFields = Frozen(excluded) };
        if (TryBuild(factory, rest, out schema, out error))
            return schema;
        logger.LogError(error, "Team {TeamId}: the typed schema's relationships are left out", teamId);
        var reason = Reason(error);
        kept = kept.Select(m => m with { Relationships = m.Relationships.Where(r => Leave(excluded, m, r, reason)).ToList() }).ToList();
        if (TryBuild(factory, rest with { Models = kept, ExcludedFields = Frozen(excluded) }, out schema, out error))
            return schema;
        logger.LogError(error, "Team {TeamId}: nothing of its typed schema could be built; it gets Gather's schema", teamId);
        foreach (var model in plan.Models)
            problems[model.Model.Id] = Reason(error);
        return TryBuild(factory, plan with { Models = [], StandardFields = new Dictionary<string, IReadOnlyList<TypedField>>(), Problems = problems },
            out schema, out _) ? schema : null;
    }

    private static bool TryBuild(TeamSchemaFactory factory, TeamSchemaPlan plan, out ISchema? schema, out Exception? error)
    {
        try
        {
            schema = factory.Build(plan);
            error = null;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever graphql-dotnet throws at a schema it refuses: the caller leaves that part out.
            schema = null;
            error = e;
            return false;
        }
    }

    private static bool IsTyped(TeamSchemaPlan plan, TypedRelationship relationship) => plan.Models.Any(m => m.Model.Id == relationship.Target.Id);

    /// <summary>Records the relationship as left out; always false, to filter it away.</summary>
    private static bool Leave(Dictionary<string, List<ExcludedField>> excluded, TypedModel model, TypedRelationship relationship, string reason)
    {
        Excluded(excluded, model.Model.Id).Add(new ExcludedField(relationship.Side.Name, reason));
        return false;
    }

    private static List<ExcludedField> Excluded(Dictionary<string, List<ExcludedField>> excluded, string modelId) =>
        excluded.TryGetValue(modelId, out var list) ? list : excluded[modelId] = [];

    private static Dictionary<string, IReadOnlyList<ExcludedField>> Frozen(Dictionary<string, List<ExcludedField>> excluded) =>
        excluded.ToDictionary(e => e.Key, IReadOnlyList<ExcludedField> (e) => e.Value.ToList(), StringComparer.Ordinal);

    private static string Reason(Exception? error) =>
        "Gather could not build this part of the typed schema (" + Shortened(error?.Message) + "); it stays readable through " +
        "`records(modelId:)`. Renaming the model or field usually brings it back.";

    private static string Shortened(string? message) =>
        message is null ? "unknown reason" : message.Length <= 300 ? message : message[..300] + "…";
}
