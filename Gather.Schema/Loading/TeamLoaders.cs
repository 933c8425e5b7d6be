using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;
using Gather.Schema.Common;
using GraphQL;
using GraphQL.DataLoader;

namespace Gather.Schema.Loading;

/// <summary>
/// The lookups resolvers share within a request: the team's models and relationships (read
/// once), and records by key (batched per model).
/// </summary>
public static class TeamLoaders
{
    public static RequestLoaders Loaders(this IResolveFieldContext context) =>
        (context.UserContext as GatherUserContext)?.Loaders
        ?? throw new InvalidOperationException("The request carries no loaders.");

    public static Task<IReadOnlyList<Model>> TeamModelsAsync(this IResolveFieldContext context)
    {
        var team = context.TeamStore();
        var models = context.Service<ModelService>();
        return context.Loaders().OnceAsync("models", () => models.ListAsync(team, context.CancellationToken));
    }

    public static Task<IReadOnlyList<Relationship>> TeamRelationshipsAsync(this IResolveFieldContext context)
    {
        var team = context.TeamStore();
        var relationships = context.Service<RelationshipService>();
        return context.Loaders().OnceAsync("relationships", () => relationships.ListAsync(team, context.CancellationToken));
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
