using Gather.Schema.Common;
using Gather.Infrastructure.Records;
using Gather.Schema.Errors;
using Gather.Schema.Typed;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gather.Schema;

/// <summary>Registers the schema, its feature fields and the execution limits.</summary>
public static class GraphQLServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddGatherGraphQL(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GraphQLLimitsOptions>().BindConfiguration(GraphQLLimitsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        foreach (var type in typeof(GatherSchema).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            if (typeof(IQueryFields).IsAssignableFrom(type))
                services.AddSingleton(typeof(IQueryFields), type);
            if (typeof(IMutationFields).IsAssignableFrom(type))
                services.AddSingleton(typeof(IMutationFields), type);
        }

        // Each team's typed schema, built from its models and rebuilt when they change.
        services.AddSingleton<TeamSchemaFactory>();
        services.AddSingleton<TeamSchemaCache>();
        services.AddSingleton<IRecordsSyncedListener>(sp => sp.GetRequiredService<TeamSchemaCache>());

        services.AddGraphQL(graphQL => graphQL
            .AddSchema<GatherSchema>()
            .AddGraphTypes(typeof(GatherSchema).Assembly)
            .AddSystemTextJson()
            .AddExecutionStrategy<TypedQueryExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddErrorInfoProvider<GatherErrorInfoProvider>()
            .AddValidationRule(ValidationCancellation.Instance)
            .ConfigureExecution<ValidatedDocuments>()
            .AddComplexityAnalyzer((complexity, provider) =>
                QueryCost.Configure(complexity, provider.GetRequiredService<IOptions<GraphQLLimitsOptions>>().Value,
                    provider.GetRequiredService<IOptions<Gather.Infrastructure.Records.Querying.QueryOptions>>().Value)));
        return builder;
    }
}
