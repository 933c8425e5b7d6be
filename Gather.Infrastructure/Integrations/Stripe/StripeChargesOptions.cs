using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// The options of a new Sync Stripe Charges task: a model whose records Gather stores, and a
/// synced field of it holding Stripe charge ids (strings), with at most one such task per model.
/// </summary>
public sealed class StripeChargesOptions(IOptions<SyncOptions> sync, ModelService models)
{
    public async Task<Result<IntegrationTaskOptions>> CheckAsync(ITeamStore team, IntegrationTaskOptions? options,
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
}
