using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Indexes.Operations;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Views.Operations;

/// <summary>
/// The index a view's saved filter and order need, held by the view (owner kind <c>view</c>) from
/// when it is saved until it is deleted or its filter and order change. The key is what a
/// database engineer would pick: the fields the filter fixes by equality first (any order of
/// their values serves), then the order's fields in their directions, or, without an order, the
/// first field it bounds by a range. One index per view; at the team's limit the view is still
/// saved and served without one, and says so (<see cref="Warning"/>).
/// </summary>
public sealed class ViewIndexes(IOptions<QueryOptions> options, RecordQueryBuilder queries, IndexBuildBound bound)
{
    /// <summary>
    /// Makes the view hold exactly the index it needs (none when its filter and order need none); false at
    /// the team's limit, and then the view holds none, so that it never keeps an index it no longer uses.
    /// </summary>
    public async Task<bool> HoldAsync(ITeamStore team, View view, CancellationToken cancellationToken)
    {
        var key = Needed(view);
        var owner = IndexOwner.View(view.Id);
        IReadOnlyList<FieldIndexKey> needed = key is null ? [] : [key];
        // Whether the model is too large to index is asked only when the store finds the view not yet
        // holding its index, built: saving a view again with the same filter reads the team's indexes once.
        IndexBuildCheck? mayBuild = key is null ? null : token => bound.ProblemAsync(team, key, token);
        var result = await team.FieldIndexes.HoldAsync(owner, needed, options.Value.MaxIndexesPerTeam, mayBuild, cancellationToken);
        if (result.Held)
            return true;
        // Refused, the view still holds what it held before; letting go of that may also make room for what it needs now.
        await ReleaseAsync(team, view.Id, cancellationToken);
        return result.BuildRefusal is null
            && (await team.FieldIndexes.HoldAsync(owner, needed, options.Value.MaxIndexesPerTeam, mayBuild, cancellationToken)).Held;
    }

    /// <summary>Lets go of the view's index; it is dropped when nothing else holds it.</summary>
    public Task ReleaseAsync(ITeamStore team, string viewId, CancellationToken cancellationToken) =>
        team.FieldIndexes.HoldAsync(IndexOwner.View(viewId), [], options.Value.MaxIndexesPerTeam, cancellationToken);

    /// <summary>The index serving <paramref name="view"/> among the team's, or null.</summary>
    public static FieldIndex? HeldBy(View view, IEnumerable<FieldIndex> teamIndexes) =>
        teamIndexes.FirstOrDefault(i => i.Owners.Contains(IndexOwner.View(view.Id)));

    /// <summary>Why the view is served without the index it needs, naming the limit in the way; null when it holds it or needs none.</summary>
    public string? Warning(View view, IReadOnlyList<FieldIndex> teamIndexes)
    {
        if (Needed(view) is not { } needed || Equals(HeldBy(view, teamIndexes)?.Key, needed))
            return null;
        var why = teamIndexes.Count >= options.Value.MaxIndexesPerTeam
            ? $"the team holds {teamIndexes.Count} indexes and Gather:Query:MaxIndexesPerTeam allows {options.Value.MaxIndexesPerTeam}. " +
              "Drop an index the team no longer needs (`indexes` lists them) or raise the limit, then save the view again"
            : "when it was last saved, the team was at Gather:Query:MaxIndexesPerTeam, or its model held more records than " +
              $"Gather:Query:MaxIndexBuildRecords ({options.Value.MaxIndexBuildRecords}) allows an index to be built on. Save the view again to retry";
        return $"This view is served without an index: {why}. Meanwhile its records are found by reading every record of its model, which slows as the model grows.";
    }

    /// <summary>The index key the view's saved filter and order call for; null when they need none.</summary>
    public FieldIndexKey? Needed(View view)
    {
        var filter = view.Where is null ? null : queries.BuildFilter(FilterInputJson.FromJson(view.Where)).Value;
        var conditions = Conjuncts(filter).ToList();
        var fields = new List<IndexedField>();
        void Add(FieldPath path, SortDirection direction)
        {
            if (fields.Count < options.Value.MaxIndexFields && !fields.Any(f => f.Path.Equals(path)))
                fields.Add(new IndexedField(path, direction));
        }
        foreach (var equality in conditions.Where(c => c.Operator is FilterOperator.Eq or FilterOperator.In))
            Add(equality.Path, SortDirection.Ascending);
        var order = view.Order.Where(o => o.Field is not null).ToList();
        foreach (var sort in order)
            Add(new FieldPath(sort.Field!.Split('.')), sort.Direction);
        if (order.Count == 0 && conditions.FirstOrDefault(c => c.Operator is FilterOperator.Gt or FilterOperator.Gte or FilterOperator.Lt or FilterOperator.Lte)
                is { } range)
            Add(range.Path, SortDirection.Ascending);
        return fields.Count == 0 ? null : new FieldIndexKey(view.ModelId, fields);
    }

    /// <summary>The conditions every record the filter matches meets: those joined by AND at the top, not those under OR or NOT.</summary>
    private static IEnumerable<FieldFilter> Conjuncts(RecordFilter? filter) => filter switch
    {
        AllOf all => all.Filters.SelectMany(Conjuncts),
        FieldFilter one => [one],
        _ => [],
    };
}
