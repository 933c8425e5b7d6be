using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Relationships.Operations;
using Gather.Schema.Common;
using Gather.Schema.Records;
using GraphQL;
using GraphQL.DataLoader;

namespace Gather.Schema.Loading;

/// <summary>
/// How resolvers reach the request's loaders: the team's models and relationships (read
/// once), field catalogues and records by key (batched). Mutations run one after another and
/// change what these hold, so within a mutation the team's models, relationships and
/// catalogues are read afresh each time rather than through a loader.
/// </summary>
public static class TeamLoaders
{
    public static bool IsMutation(this IResolveFieldContext context) =>
        context.Operation.Operation == GraphQLParser.AST.OperationType.Mutation;

    public static RequestLoaders Loaders(this IResolveFieldContext context) =>
        (context.UserContext as GatherUserContext)?.Loaders
        ?? throw new InvalidOperationException("The request carries no loaders.");

    /// <summary>What the request's document shows it will read (<see cref="Loading.DocumentReads"/>), worked out once.</summary>
    public static DocumentReads DocumentReads(this IResolveFieldContext context) =>
        context.Loaders().Get(() => Loading.DocumentReads.Of(context.Document, context.Operation));

    public static Task<IReadOnlyList<Model>> TeamModelsAsync(this IResolveFieldContext context) =>
        context.IsMutation()
            ? context.Service<ModelService>().ListAsync(context.TeamStore(), context.CancellationToken)
            : TeamModelsLoader.For(context).LoadAsync();

    public static Task<IReadOnlyList<Relationship>> TeamRelationshipsAsync(this IResolveFieldContext context) =>
        context.IsMutation()
            ? context.Service<RelationshipService>().ListAsync(context.TeamStore(), context.CancellationToken)
            : TeamRelationshipsLoader.For(context).LoadAsync();

    public static Task<IReadOnlyList<IntegrationTask>> TeamIntegrationTasksAsync(this IResolveFieldContext context) =>
        context.IsMutation()
            ? context.Service<IntegrationTaskService>().ListAsync(context.TeamStore(), context.CancellationToken)
            : TeamIntegrationTasksLoader.For(context).LoadAsync();

    /// <summary>A model's field catalogue, read with those of every model listed at this level (alone in a mutation).</summary>
    public static IDataLoaderResult<IReadOnlyList<ModelField>> LoadFields(this IResolveFieldContext context, Model model)
    {
        if (!context.IsMutation())
            return ModelFieldsLoader.For(context).Load(model);
        var team = context.TeamStore();
        var models = context.Service<ModelService>();
        return LoadedResult.Deferred(async cancellationToken => (await models.FieldsAsync(team, [model], cancellationToken))[model.Id]);
    }

    /// <summary>The record of <paramref name="model"/> keyed <paramref name="key"/>, fetched with the other keys asked for at this level.</summary>
    public static IDataLoaderResult<StoredRecord?> LoadRecord(this IResolveFieldContext context, Model model, string key) =>
        RecordsByKeyLoader.For(context, model).Load(key);
}
