using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;
using Gather.Schema.Common;
using GraphQL;
using GraphQL.DataLoader;

namespace Gather.Schema.Loading;

/// <summary>
/// The lookups resolvers share within a request: the team's models and relationships (read
/// once), field catalogues and records by key (batched). Mutations run one after another and
/// change what these hold, so within a mutation the team's models, relationships and
/// catalogues are read afresh each time rather than cached.
/// </summary>
public static class TeamLoaders
{
    /// <summary>Models are the same model when their ids are.</summary>
    private static readonly IEqualityComparer<Model> ById =
        EqualityComparer<Model>.Create((a, b) => a?.Id == b?.Id, m => StringComparer.Ordinal.GetHashCode(m.Id));

    private static bool IsMutation(IResolveFieldContext context) =>
        context.Operation.Operation == GraphQLParser.AST.OperationType.Mutation;

    public static RequestLoaders Loaders(this IResolveFieldContext context) =>
        (context.UserContext as GatherUserContext)?.Loaders
        ?? throw new InvalidOperationException("The request carries no loaders.");

    public static Task<IReadOnlyList<Model>> TeamModelsAsync(this IResolveFieldContext context)
    {
        var team = context.TeamStore();
        var models = context.Service<ModelService>();
        return IsMutation(context)
            ? models.ListAsync(team, context.CancellationToken)
            : context.Loaders().OnceAsync("models", () => models.ListAsync(team, context.CancellationToken));
    }

    public static Task<IReadOnlyList<Relationship>> TeamRelationshipsAsync(this IResolveFieldContext context)
    {
        var team = context.TeamStore();
        var relationships = context.Service<RelationshipService>();
        return IsMutation(context)
            ? relationships.ListAsync(team, context.CancellationToken)
            : context.Loaders().OnceAsync("relationships", () => relationships.ListAsync(team, context.CancellationToken));
    }

    public static Task<IReadOnlyList<IntegrationTask>> TeamIntegrationTasksAsync(this IResolveFieldContext context)
    {
        var team = context.TeamStore();
        var tasks = context.Service<IntegrationTaskService>();
        return IsMutation(context)
            ? tasks.ListAsync(team, context.CancellationToken)
            : context.Loaders().OnceAsync("integrationTasks", () => tasks.ListAsync(team, context.CancellationToken));
    }

    /// <summary>A model's field catalogue, read with those of every model listed at this level (alone in a mutation).</summary>
    public static IDataLoaderResult<IReadOnlyList<ModelField>> LoadFields(this IResolveFieldContext context, Model model)
    {
        var team = context.TeamStore();
        var models = context.Service<ModelService>();
        if (IsMutation(context))
            return LoadedResult.Deferred(async cancellationToken => (await models.FieldsAsync(team, [model], cancellationToken))[model.Id]);
        return context.Loaders().GetOrAdd("modelFields", () => new BatchLoader<Model, IReadOnlyList<ModelField>>(
            async (batch, cancellationToken) => (await models.FieldsAsync(team, batch, cancellationToken))
                .ToDictionary(e => batch.First(m => m.Id == e.Key), e => e.Value, ById),
            missing: [], ById)).Load(model);
    }

    /// <summary>The record of <paramref name="model"/> keyed <paramref name="key"/>, fetched with the other keys asked for at this level.</summary>
    public static IDataLoaderResult<StoredRecord?> LoadRecord(this IResolveFieldContext context, Model model, string key)
    {
        var team = context.TeamStore();
        return context.Loaders().GetOrAdd(("recordByKey", model.Id), () => new BatchLoader<string, StoredRecord?>(
            async (keys, cancellationToken) => (await team.Records.GetManyAsync(model.Id, keys, cancellationToken))
                .ToDictionary(r => r.Key, r => (StoredRecord?)r, StringComparer.Ordinal),
            missing: null, StringComparer.Ordinal)).Load(key);
    }
}
