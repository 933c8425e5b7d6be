using Gather.Infrastructure.Models;
using Gather.Infrastructure.Validation;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Records;

/// <summary>
/// Looks up the model a field names in the team's models, read once per request and shared with
/// navigation; reports NOT_FOUND as a GraphQL error when the team has none.
/// </summary>
public static class ModelArgument
{
    public static async Task<Model?> FindAsync(IResolveFieldContext context, string modelId)
    {
        var model = (await context.TeamModelsAsync()).FirstOrDefault(m => m.Id == modelId);
        if (model is null)
            context.Report([new NotFoundProblem(modelId, $"No model with id '{modelId}' exists in this team.")]);
        return model;
    }
}
