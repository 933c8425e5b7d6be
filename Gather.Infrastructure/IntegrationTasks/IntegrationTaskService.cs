using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.IntegrationTasks;

/// <summary>
/// Adds, lists, runs and deletes a team's integration tasks. A new task is scheduled at once
/// (its backfill); Stripe webhooks for it are registered by <see cref="StripeWebhooks"/>.
/// </summary>
public sealed class IntegrationTaskService(IntegrationTaskScheduler scheduler, StripeWebhooks webhooks, IntegrationTaskIndexes indexes,
    IOptions<SyncOptions> sync, TimeProvider clock, ModelService models)
{
    /// <summary>More would be a mistake rather than a need, and each one is a periodic scan of Stripe.</summary>
    public const int MaxTasksPerTeam = 20;

    public Task<IReadOnlyList<IntegrationTask>> ListAsync(ITeamStore team, CancellationToken cancellationToken) =>
        team.IntegrationTasks.ListAsync(cancellationToken);

    public async Task<Result<IntegrationTask>> CreateAsync(ITeamStore team, string? integrationId, IntegrationTaskKind kind,
        IntegrationTaskOptions? options, CancellationToken cancellationToken)
    {
        var integration = await team.Integrations.FindAsync(integrationId, cancellationToken);
        if (integration is null)
            return Result<IntegrationTask>.Invalid([new("integrationId", string.IsNullOrEmpty(integrationId) ? "required" : "notFound",
                string.IsNullOrEmpty(integrationId) ? "Name the integration the task syncs from." : $"No integration with id '{integrationId}' exists in this team.")]);
        var existing = await team.IntegrationTasks.ListAsync(cancellationToken);
        if (existing.Count >= MaxTasksPerTeam)
            return Result<IntegrationTask>.Invalid([new("kind", "limit", $"A team may have at most {MaxTasksPerTeam} integration tasks.")]);

        IntegrationTaskOptions normalized;
        if (kind == IntegrationTaskKind.SyncStripeCharges)
        {
            var checkedOptions = await CheckChargesOptionsAsync(team, options, existing, cancellationToken);
            if (!checkedOptions.Succeeded)
                return new Result<IntegrationTask>(null, checkedOptions.Problems);
            normalized = checkedOptions.Value!;
        }
        else
        {
            if (existing.Any(t => t.Kind == kind && t.IntegrationId == integration.Id))
                return Result<IntegrationTask>.Invalid([new("kind", "alreadyExists", "This integration already has a Sync Stripe Customers task.")]);
            normalized = new IntegrationTaskOptions(null, null);
        }

        var now = StoreTime.Now(clock);
        var task = new IntegrationTask(DocumentIds.New("task"), team.TeamId, integration.Id, kind, normalized, IntegrationTaskState.New(now), now);
        await team.IntegrationTasks.InsertAsync(task, cancellationToken);
        // Stored first, so that the index is never held for a task that does not exist; refused, the task goes again.
        if (await indexes.HoldAsync(team, task, cancellationToken) is { } indexProblem)
        {
            await team.IntegrationTasks.DeleteAsync(task.Id, cancellationToken);
            return Result<IntegrationTask>.Invalid([indexProblem]);
        }
        // The model keeps its stripeCharge field from now on, even once the task or Stripe is gone.
        if (kind == IntegrationTaskKind.SyncStripeCharges && normalized.ModelId is { } chargedModel)
            await team.Models.SettleFieldsAsync(chargedModel,
                [new SettledField(FieldSettling.SectionPath(AttachedData.StripeCharge), ValueKind.Object)], cancellationToken);
        var note = await webhooks.EnsureForAsync(team, integration, cancellationToken);
        if (note is not null)
        {
            var noted = task.State with { Note = note };
            if (await team.IntegrationTasks.SaveIdleStateAsync(task.Id, noted, now, cancellationToken))
                task = task with { State = noted };
        }
        await scheduler.ScheduleAsync(task, cancellationToken);
        return Result<IntegrationTask>.Ok(task);
    }

    /// <summary>Asks for a run now: the reconcile at once, or the unfinished run going on. A run in progress finishes first.</summary>
    public async Task<Result<IntegrationTask>> RunAsync(ITeamStore team, string? id, CancellationToken cancellationToken)
    {
        if (await FindAsync(team, id, cancellationToken) is not { } task)
            return NotFound(id);
        var now = StoreTime.Now(clock);
        var due = task.State with { NextRunAt = now };
        if (await team.IntegrationTasks.SaveIdleStateAsync(task.Id, due, now, cancellationToken))
            task = task with { State = due };
        await scheduler.RunNowAsync(task, cancellationToken);
        return Result<IntegrationTask>.Ok(task);
    }

    public async Task<Result<IntegrationTask>> DeleteAsync(ITeamStore team, string? id, CancellationToken cancellationToken)
    {
        if (await FindAsync(team, id, cancellationToken) is not { } task || !await RemoveAsync(team, task, cancellationToken))
            return NotFound(id);
        if (await team.Integrations.FindAsync(task.IntegrationId, cancellationToken) is { } integration)
            await webhooks.EnsureForAsync(team, integration, cancellationToken);
        return Result<IntegrationTask>.Ok(task);
    }

    /// <summary>Deletes the task, stops its runs and lets go of its indexes; false when it was already gone.</summary>
    public async Task<bool> RemoveAsync(ITeamStore team, IntegrationTask task, CancellationToken cancellationToken)
    {
        var deleted = await team.IntegrationTasks.DeleteAsync(task.Id, cancellationToken);
        await scheduler.UnscheduleAsync(task.Id, cancellationToken);
        await indexes.ReleaseAsync(team, task.Id, cancellationToken);
        return deleted;
    }

    private async Task<Result<IntegrationTaskOptions>> CheckChargesOptionsAsync(ITeamStore team, IntegrationTaskOptions? options,
        IReadOnlyList<IntegrationTask> existing, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var modelId = options?.ModelId;
        var fieldText = options?.ChargeIdField?.Trim();
        Model? model = null;
        if (string.IsNullOrEmpty(modelId))
            problems.Add(new("options.modelId", "required", "Name the model whose records hold Stripe charge ids (Model ID)."));
        else if ((model = await team.Models.GetAsync(modelId, cancellationToken)) is null)
            problems.Add(new("options.modelId", "notFound", $"No model with id '{modelId}' exists in this team."));
        else if (model.Kind == ModelKind.Integration)
            problems.Add(new("options.modelId", "integrationModel", $"{model.Name} is read from its integration; charges attach to a model whose records Gather stores."));

        if (string.IsNullOrEmpty(fieldText))
            problems.Add(new("options.chargeIdField", "required", "Name the field that holds each record's Stripe charge id, e.g. stripe_charge_id."));
        else if (FieldPath.TryParse(fieldText, sync.Value.MaxDepth, sync.Value.MaxFieldNameLength, out var problem) is not { } path)
            problems.Add(new("options.chargeIdField", "format", problem!));
        else if (AttachedData.IsAttached(path))
            problems.Add(new("options.chargeIdField", "reserved", $"'{path.Segments[0]}' holds attached data, not a synced field."));
        else if (problems.Count == 0 && await CheckChargeIdFieldAsync(team, model!, path, cancellationToken) is { } unknown)
            problems.Add(unknown);
        if (problems.Count == 0 && existing.Any(t => t.Kind == IntegrationTaskKind.SyncStripeCharges && t.Options.ModelId == modelId))
            problems.Add(new("options.modelId", "alreadyExists", $"{model!.Name} already has a Sync Stripe Charges task; delete it to use another field."));
        return problems.Count > 0 ? Result<IntegrationTaskOptions>.Invalid(problems) : Result<IntegrationTaskOptions>.Ok(new(modelId, fieldText));
    }

    /// <summary>The charge id field must be one the model knows (<see cref="ModelPaths"/>), holding strings when its type is known.</summary>
    private async Task<ValidationProblem?> CheckChargeIdFieldAsync(ITeamStore team, Model model, FieldPath path, CancellationToken cancellationToken)
    {
        var paths = ModelPaths.For(model, (await models.FieldsAsync(team, [model], cancellationToken))[model.Id]);
        if (paths.CheckOwnField("options.chargeIdField", path) is { } unknown)
            return unknown;
        return paths.TypeOf(path) is { } type && type is not (FieldType.String or FieldType.Json)
            ? new ValidationProblem("options.chargeIdField", OperandKinds.Rule,
                $"'{path}' is {OperandKinds.Name(type)} in {model.Name}; Stripe charge ids are strings (ch_…): name the field that holds them.")
            : null;
    }

    private static async Task<IntegrationTask?> FindAsync(ITeamStore team, string? id, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(id) ? null : await team.IntegrationTasks.GetAsync(id, cancellationToken);

    private static Result<IntegrationTask> NotFound(string? id) =>
        Result<IntegrationTask>.NotFound(new NotFoundProblem(id ?? "", $"No integration task with id '{id}' exists in this team."));
}
