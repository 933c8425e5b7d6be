using Gather.Infrastructure.Models;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Records;

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

        var problems = new List<RecordProblem>();
        var patches = new List<RecordPatch>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (normalizer.Normalize(inputs[i], i, model, problems) is { } patch)
                patches.Add(patch);
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
