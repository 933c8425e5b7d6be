using Gather.Infrastructure.Models;
using Gather.Schema.Common;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Schema.Integrations;

/// <summary>Finds the registered integration that reads a model's records.</summary>
public static class IntegrationRecordReaders
{
    public static IIntegrationRecords For(IResolveFieldContext context, Model model) =>
        context.RequestServices!.GetServices<IIntegrationRecords>().FirstOrDefault(r => r.Holds(model))
        ?? throw new ExecutionError($"Gather cannot read {model.Name} records from its integration.") { Code = ErrorCodes.InvalidArgument };
}
