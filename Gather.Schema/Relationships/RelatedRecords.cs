using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Validation;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using Gather.Schema.Loading;
using Gather.Schema.Records;
using Gather.Schema.Integrations;
using GraphQL;
using GraphQL.DataLoader;

namespace Gather.Schema.Relationships;

/// <summary>
/// Navigation from a record along one of its model's relationships. Every parent at a level
/// registers its link value with the same loader, so a level costs one store round trip (plus
/// one for <c>totalCount</c> when asked), whatever the number of parents.
/// </summary>
public static class RelatedRecords
{
    /// <summary>A page of the records <paramref name="name"/> leads to from the source record; null (with an error) when the name or arguments are wrong.</summary>
    public static async Task<object?> ConnectionAsync(IResolveFieldContext<RecordNode> context, string name, RecordQuery? typedQuery = null)
    {
        if (await SideAsync(context, name) is not var (side, target))
            return null;
        if (target.Kind == ModelKind.Integration)
        {
            context.Report([new ValidationProblem("name", "integrationModel",
                $"'{name}' leads to {target.Name}, which is read from its integration one record at a time: use relatedOne(name: \"{name}\").")]);
            return null;
        }
        // The typed API passes the query its typed arguments ask for; the generic one reads its own.
        if ((typedQuery ?? await RecordArguments.QueryOfAsync(context, target)) is not { } query)
            return null;

        var link = new RecordLinkTarget(side, target);
        var value = LinkValues.Of(context.Source.Record, context.Source.Model, side.SourcePath);
        var pages = RelatedRecordsLoader.For(context, link, query);
        var counts = RelatedRecordCountsLoader.For(context, link, query);

        if (value is null)
            return new RecordConnection(target, query, RelatedRecordsLoader.NoRecords, () => LoadedResult.Of(0L));
        return pages.Load(value).Then(page => new RecordConnection(target, query, page, () => counts.Load(value)));
    }

    /// <summary>The one record <paramref name="name"/> leads to, or null; an error when the relationship can lead to many.</summary>
    public static async Task<object?> OneAsync(IResolveFieldContext<RecordNode> context, string name)
    {
        if (await SideAsync(context, name) is not var (side, target))
            return null;
        if (!side.LeadsToOne(target))
        {
            context.Report([new ValidationProblem("name", "toMany",
                $"'{name}' leads to every {target.Name} record whose '{side.TargetField}' matches, so it can be many: use related(name: \"{name}\").")]);
            return null;
        }
        var value = LinkValues.Of(context.Source.Record, context.Source.Model, side.SourcePath);
        return value is null ? null : await LoadOneAsync(context, target, value);
    }

    /// <summary>
    /// The record of <paramref name="target"/> that <paramref name="linkValue"/> reaches on its ID
    /// field, batched with the level's others: from the store, or from the integration for an
    /// integration model. Navigation and view columns both come through here.
    /// </summary>
    public static async Task<IDataLoaderResult<RecordNode?>> LoadOneAsync(IResolveFieldContext context, Model target, string linkValue) =>
        target.Kind == ModelKind.Integration
            ? await IntegrationRecordReaders.For(context, target).LoadAsync(context, target, linkValue)
            : context.LoadRecord(target, linkValue).Then(record => record is null ? null : new RecordNode(target, record));

    private static async Task<(RelationshipSide Side, Model Target)?> SideAsync(IResolveFieldContext<RecordNode> context, string name)
    {
        var source = context.Source.Model;
        var sides = (await context.TeamRelationshipsAsync()).SelectMany(r => r.SidesFrom(source.Id)).ToList();
        var side = sides.FirstOrDefault(s => s.Name == name);
        if (side is null)
        {
            var known = sides.Count == 0 ? "it has none" : "it has " + string.Join(", ", sides.Select(s => s.Name));
            context.Report([new ValidationProblem("name", "unknownRelationship", $"{source.Name} has no relationship named '{name}'; {known}.")]);
            return null;
        }
        var target = (await context.TeamModelsAsync()).FirstOrDefault(m => m.Id == side.TargetModelId);
        if (target is null)
        {
            context.Report([new NotFoundProblem(side.TargetModelId, $"The model '{name}' leads to no longer exists.")]);
            return null;
        }
        return (side, target);
    }
}
