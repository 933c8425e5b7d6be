using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Indexes.Operations;

/// <summary>
/// The indexes a team asks for by name (<c>createIndex</c>, <c>dropIndex</c>) and the list of all its
/// indexes, whoever holds them (people, views, tasks). A person's index is held by an owner of its
/// own, so dropping it lets go of that hold only: an index a view or task still needs stays.
/// </summary>
public sealed class IndexService(IOptions<QueryOptions> options, IOptions<SyncOptions> sync, ModelService models, IndexBuildBound bound)
{
    private QueryOptions Limits => options.Value;

    public async Task<Result<TeamIndex>> CreateAsync(ITeamStore team, string? modelId, IReadOnlyList<IndexFieldInput>? fields,
        CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        ModelPaths? paths = null;
        if (string.IsNullOrWhiteSpace(modelId))
            problems.Add(new("modelId", "required", "Name the model to index by its id."));
        else if (await models.GetAsync(team, modelId, cancellationToken) is not { } model)
            problems.Add(new("modelId", "notFound", $"No model with id '{modelId}' exists in this team."));
        else if (model.Kind == ModelKind.Integration)
            problems.Add(new("modelId", "integrationModel", $"{model.Name} is read from its integration on demand; Gather stores none of its records to index."));
        else
            paths = ModelPaths.For(model, (await models.FieldsAsync(team, [model], cancellationToken))[model.Id]);
        var indexed = CheckFields(fields ?? [], problems, paths);
        if (problems.Count > 0)
            return Result<TeamIndex>.Invalid(problems);

        var key = new FieldIndexKey(modelId!, indexed);
        if (await bound.ProblemAsync(team, key, cancellationToken) is { } tooLarge)
            return Result<TeamIndex>.Invalid([new("modelId", IndexBuildBound.Rule, tooLarge)]);
        var name = FieldIndexNames.For(team.TeamId, key);
        var held = await team.FieldIndexes.HoldAsync(IndexOwner.User(name), [key], Limits.MaxIndexesPerTeam, cancellationToken);
        if (!held.Held)
            return Result<TeamIndex>.Invalid([LimitProblem("fields", held)]);
        return await FindAsync(team, name, cancellationToken) is { } created
            ? Result<TeamIndex>.Ok(created)
            : Result<TeamIndex>.NotFound(NotFound(name)); // Dropped by a concurrent dropIndex in between.
    }

    /// <summary>The team's indexes, oldest first; only those of <paramref name="modelId"/> when given.</summary>
    public async Task<IReadOnlyList<TeamIndex>> ListAsync(ITeamStore team, string? modelId, CancellationToken cancellationToken)
    {
        var indexes = (await team.FieldIndexes.ListAsync(cancellationToken)).Where(i => modelId is null || i.Key.ModelId == modelId).ToList();
        var states = await team.FieldIndexes.StatesAsync(indexes, cancellationToken);
        return indexes.Select(i => new TeamIndex(i, states[i.Name])).ToList();
    }

    /// <summary>Lets go of the hold <c>createIndex</c> took; the index is dropped when nothing else holds it.</summary>
    public async Task<Result<DroppedIndex>> DropAsync(ITeamStore team, string? id, CancellationToken cancellationToken)
    {
        var before = string.IsNullOrWhiteSpace(id) ? null : await FindAsync(team, id, cancellationToken);
        if (before is null)
            return Result<DroppedIndex>.NotFound(NotFound(id ?? ""));
        var user = IndexOwner.User(before.Id);
        if (before.Index.Owners.Contains(user))
            await team.FieldIndexes.HoldAsync(user, [], Limits.MaxIndexesPerTeam, cancellationToken);
        var remaining = await FindAsync(team, before.Id, cancellationToken);
        return Result<DroppedIndex>.Ok(new DroppedIndex(before, remaining, remaining is null
            ? "The index was dropped."
            : $"The index stays: {string.Join(" and ", remaining.Index.Owners.Select(Describe))} still {(remaining.Index.Owners.Count == 1 ? "needs" : "need")} it. " +
              "It is dropped when nothing needs it any more (deleting the view or task, or changing its filter and order, lets go of it)."));
    }

    /// <summary>The problem for a hold refused at the team's limit, naming the option.</summary>
    public static ValidationProblem LimitProblem(string field, FieldIndexResult result) => new(field, "indexLimit",
        $"This team already holds {result.TeamIndexes} indexes, the most Gather:Query:MaxIndexesPerTeam allows ({result.Limit}). " +
        "Drop an index the team no longer needs (`indexes` lists them with who holds each), or raise the limit.");

    private async Task<TeamIndex?> FindAsync(ITeamStore team, string name, CancellationToken cancellationToken)
    {
        var index = (await team.FieldIndexes.ListAsync(cancellationToken)).FirstOrDefault(i => i.Name == name);
        return index is null ? null : new TeamIndex(index, (await team.FieldIndexes.StatesAsync([index], cancellationToken))[index.Name]);
    }

    private List<IndexedField> CheckFields(IReadOnlyList<IndexFieldInput> fields, List<ValidationProblem> problems, ModelPaths? paths)
    {
        if (fields.Count == 0)
            problems.Add(new("fields", "required", "Name at least one field to index, e.g. fields: [{ field: \"status\" }, { field: \"amount\", direction: DESC }]."));
        else if (fields.Count > Limits.MaxIndexFields)
            problems.Add(new("fields", "maxLength", $"An index may cover at most {Limits.MaxIndexFields} fields (Gather:Query:MaxIndexFields)."));
        var valid = new List<IndexedField>();
        for (var i = 0; i < fields.Count && i < Limits.MaxIndexFields; i++)
        {
            var at = $"fields[{i}].field";
            var path = FieldPath.TryParse(fields[i].Field, sync.Value.MaxDepth, sync.Value.MaxFieldNameLength, out var problem);
            if (path is null)
                problems.Add(new(at, fields[i].Field is null ? "required" : "fieldPath", problem ?? "Name the field to index."));
            else if (paths?.CheckField(at, path) is { } unknown)
                problems.Add(unknown);
            else if (valid.Any(f => f.Path.Equals(path)))
                problems.Add(new(at, "duplicate", $"The index names '{path}' twice."));
            else
                valid.Add(new IndexedField(path, fields[i].Direction));
        }
        return valid;
    }

    private static string Describe(IndexOwner owner) => owner.Kind switch
    {
        IndexOwner.ViewKind => $"view {owner.Id}",
        IndexOwner.IntegrationTaskKind => $"integration task {owner.Id}",
        IndexOwner.UserKind => "a createIndex call",
        _ => $"{owner.Kind} {owner.Id}",
    };

    private static NotFoundProblem NotFound(string id) =>
        new(id, $"No index with id '{id}' exists in this team; `indexes {{ id }}` lists them.");
}
