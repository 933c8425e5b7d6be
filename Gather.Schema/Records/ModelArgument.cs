using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Validation;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Records;

/// <summary>
/// Looks up the model a field names: alone when the document reads nothing else, else in the
/// team's models, read once per request and shared with navigation; reports NOT_FOUND as a
/// GraphQL error when the team has none.
/// </summary>
public static class ModelArgument
{
    public static async Task<Model?> FindAsync(IResolveFieldContext context, string modelId)
    {
        // A document reading one model's page and nothing else reads that model alone; others
        // read the team's models once, as navigation and deeper levels need them anyway.
        var model = !context.IsMutation() && context.DocumentReads().OneModelOnly
            ? await context.Service<ModelService>().GetAsync(context.TeamStore(), modelId, context.CancellationToken)
            : (await context.TeamModelsAsync()).FirstOrDefault(m => m.Id == modelId);
        if (model is null)
            context.Report([new NotFoundProblem(modelId, $"No model with id '{modelId}' exists in this team.")]);
        return model;
    }

    /// <summary>
    /// Whether Gather stores the model's records, so they can be listed or read by id; reports
    /// an error naming the rule when it is an integration model, whose data is read on demand.
    /// </summary>
    public static bool IsStored(IResolveFieldContext context, Model model)
    {
        if (model.Kind != ModelKind.Integration)
            return true;
        context.Report([new ValidationProblem("modelId", "integrationModel",
            $"{model.Name} is an integration model: its data is read from the integration when navigated to (e.g. Customer.charges), not listed or stored in Gather.")]);
        return false;
    }
}
