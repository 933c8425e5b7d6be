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
            ? await AloneAsync(context, modelId)
            : (await context.TeamModelsAsync()).FirstOrDefault(m => m.Id == modelId);
        if (model is null)
            context.Report([new NotFoundProblem(modelId, $"No model with id '{modelId}' exists in this team.")]);
        return model;
    }

    /// <summary>
    /// The model alone and, when the page names paths, its catalogue with it: they are read
    /// together rather than one after the other, and the catalogue is left loaded for the check.
    /// </summary>
    private static async Task<Model?> AloneAsync(IResolveFieldContext context, string modelId)
    {
        var models = context.Service<ModelService>();
        if (!RecordArguments.NamesPaths(context))
            return await models.GetAsync(context.TeamStore(), modelId, context.CancellationToken);
        if (await models.GetWithFieldsAsync(context.TeamStore(), modelId, context.CancellationToken) is not { } found)
            return null;
        ModelFieldsLoader.For(context).Prime(found.Model, found.Fields);
        return found.Model;
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
