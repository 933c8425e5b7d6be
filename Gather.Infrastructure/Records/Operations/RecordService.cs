using Gather.Infrastructure.Models;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Records.Operations;

/// <summary>
/// Sync and delete, shared by the REST endpoint and the GraphQL mutations so both behave
/// alike: each record is normalized on its own; the valid ones are written in one store call.
/// </summary>
public sealed class RecordService(RecordNormalizer normalizer, IOptions<SyncOptions> options, IOptions<ModelOptions> models, TimeProvider clock,
    IEnumerable<IRecordsSyncedListener> listeners)
{
    public async Task<Result<SyncResult>> SyncAsync(ITeamStore team, string? modelId, IReadOnlyList<RecordInput> inputs,
        CancellationToken cancellationToken)
    {
        if (inputs.Count > options.Value.MaxBatchSize)
            return Result<SyncResult>.Invalid([new("records", "maxBatchSize",
                $"A sync may carry at most {options.Value.MaxBatchSize} records (Gather:Sync:MaxBatchSize); this one has {inputs.Count}.")]);
        var found = await WritableModelAsync(team, modelId, cancellationToken);
        if (!found.Succeeded)
            return new Result<SyncResult>(null, found.Problems);
        var model = found.Value!;
        var settledChanged = false;

        var (kinds, patches, problems) = Normalize(model, inputs);
        if (kinds.Proposed.Count > 0)
        {
            var settled = await team.Models.SettleFieldsAsync(model.Id, await WithStoredKindsAsync(team, model, kinds.Proposed, cancellationToken),
                cancellationToken);
            if (settled is null)
                return Result<SyncResult>.NotFound(new NotFoundProblem(model.Id, $"No model with id '{model.Id}' exists in this team."));
            // Another sync settled a path first with another kind: this batch is read again against what was settled.
            if (kinds.Proposed.Any(p => settled.SettledKind(p.Path) is not { } winner || FieldSettling.Combine(winner, p.Kind) != winner))
            {
                (kinds, patches, problems) = Normalize(settled, inputs);
                if (kinds.Proposed.Count > 0)
                    settled = await team.Models.SettleFieldsAsync(model.Id, kinds.Proposed, cancellationToken) ?? settled;
            }
            if (!settled.SettledFields.SequenceEqual(model.SettledFields))
                settledChanged = true;
            model = settled;
        }
        IReadOnlyList<RecordOutcome> outcomes;
        try
        {
            outcomes = await team.Records.SyncAsync(model.Id, patches, StoreTime.Now(clock), cancellationToken);
        }
        catch (RecordTooLargeException e)
        {
            // Records within Gather:Sync:MaxRecordBytes can still outgrow the store's document
            // limit as stored: report them like any refused record, and write the others.
            foreach (var patch in patches.Where(p => e.BytesByKey.ContainsKey(p.Key)))
                problems.Add(new(patch.Index, "", "maxDocumentSize",
                    $"The record would be stored as {e.BytesByKey[patch.Key]} bytes; the store holds at most {e.MaxBytes} per record (its data, search text and attached data). Make it smaller or lower Gather:Sync:MaxRecordBytes."));
            patches = patches.Where(p => !e.BytesByKey.ContainsKey(p.Key)).ToList();
            outcomes = await team.Records.SyncAsync(model.Id, patches, StoreTime.Now(clock), cancellationToken);
        }
        if (outcomes.Any(o => o.Status != RecordSyncStatus.Unchanged))
        {
            var fields = patches.SelectMany(p => p.Fields.Where(f => f.Value is not null).Select(f => f.Key)).ToHashSet(StringComparer.Ordinal);
            foreach (var listener in listeners)
                listener.RecordsSynced(team.TeamId, model.Id, fields);
        }
        if (settledChanged)
            foreach (var listener in listeners)
                listener.FieldsSettled(team.TeamId, model.Id);
        return Result<SyncResult>.Ok(new SyncResult(model, outcomes, problems));
    }

    public async Task<Result<DeleteResult>> DeleteAsync(ITeamStore team, string? modelId, IReadOnlyList<string>? ids,
        CancellationToken cancellationToken)
    {
        if (ids is null || ids.Count == 0)
            return Result<DeleteResult>.Invalid([new("ids", "required", "Name at least one record id to delete.")]);
        if (ids.Count > options.Value.MaxBatchSize)
            return Result<DeleteResult>.Invalid([new("ids", "maxBatchSize",
                $"At most {options.Value.MaxBatchSize} records may be deleted at once (Gather:Sync:MaxBatchSize).")]);
        var found = await WritableModelAsync(team, modelId, cancellationToken);
        if (!found.Succeeded)
            return new Result<DeleteResult>(null, found.Problems);
        var deleted = await team.Records.DeleteAsync(found.Value!.Id, ids, cancellationToken);
        var gone = deleted.ToHashSet(StringComparer.Ordinal);
        return Result<DeleteResult>.Ok(new DeleteResult(found.Value, deleted, ids.Distinct().Where(id => !gone.Contains(id)).ToList()));
    }

    private (BatchKinds Kinds, List<RecordPatch> Patches, List<RecordProblem> Problems) Normalize(Model model, IReadOnlyList<RecordInput> inputs)
    {
        var kinds = new BatchKinds(model);
        var problems = new List<RecordProblem>();
        var patches = new List<RecordPatch>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (normalizer.Normalize(inputs[i], i, model, kinds, problems) is { } patch)
                patches.Add(patch);
        }
        return (kinds, patches, problems);
    }

    /// <summary>
    /// Paths synced before kinds were settled keep the kind their stored values have, the most
    /// common one where they mix (the others then read as errors until synced again or the field
    /// is declared JSON), so settling them strands as few stored values as it can. This batch is
    /// then held to that kind.
    /// </summary>
    private static async Task<IReadOnlyList<SettledField>> WithStoredKindsAsync(ITeamStore team, Model model, IReadOnlyList<SettledField> proposed,
        CancellationToken cancellationToken)
    {
        if (proposed.All(p => model.SettledKind(p.Path) is not null))
            return proposed;
        var statistics = (await team.Models.GetFieldStatisticsAsync([model.Id], cancellationToken)).GetValueOrDefault(model.Id) ?? [];
        return proposed.Select(p =>
        {
            var stored = statistics.Where(s => s.Path == p.Path && s.Kind != ValueKind.Null && s.Count > 0).ToList();
            if (model.SettledKind(p.Path) is not null || stored.Count == 0)
                return p;
            var kinds = stored.Select(s => s.Kind).ToHashSet();
            var kind = kinds.SetEquals([ValueKind.Int, ValueKind.Float]) ? ValueKind.Float
                : stored.OrderByDescending(s => s.Count).ThenBy(s => s.Kind).First().Kind;
            return p with { Kind = FieldSettling.Combine(kind, p.Kind) ?? kind };
        }).ToList();
    }

    private async Task<Result<Model>> WritableModelAsync(ITeamStore team, string? modelId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(modelId))
            return Result<Model>.Invalid([new("modelId", "required", "Name the model to sync into by its id.")]);
        var model = await team.Models.GetAsync(modelId, cancellationToken);
        if (model is null)
            return Result<Model>.NotFound(new NotFoundProblem(modelId, await NamedAsync(team, modelId, cancellationToken) is { } named
                ? $"'{modelId}' is a model's name; its id is {named.Id}. Use the id, which stays the same when the model is renamed."
                : $"No model with id '{modelId}' exists in this team."));
        if (model.Kind == ModelKind.Integration)
            return Result<Model>.Invalid([new("modelId", "integrationModel",
                $"{model.Name} is an integration model: its data comes from the integration and cannot be synced.")]);
        return Result<Model>.Ok(model);
    }

    /// <summary>The caller's team's model of that name (names are unique ignoring case): a common mistake is the name where the id goes.</summary>
    private async Task<Model?> NamedAsync(ITeamStore team, string name, CancellationToken cancellationToken)
    {
        if (name.Length > models.Value.MaxNameLength)
            return null;
        var listed = await team.Models.ListAsync(models.Value.MaxModelsPerTeam, cancellationToken);
        return listed.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal))
               ?? listed.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
