using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Validation;
using Gather.Infrastructure.Views;
using Gather.Infrastructure.Views.Operations;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using Gather.Schema.Loading;
using Gather.Schema.Models;
using Gather.Schema.Records;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Views;

/// <summary>A saved way to explore a model; <c>records</c> applies it.</summary>
public sealed class ViewType : ObjectGraphType<View>
{
    public ViewType()
    {
        Name = "View";
        Description = "A saved way to explore a model: columns to show, a filter always applied, a default order.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable and opaque.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Unique in the team, ignoring case.").Resolve(c => c.Source.Name);
        Field<ModelType>("model").Description("The model the view shows; null when it has been deleted.")
            .ResolveAsync(async c => (await c.TeamModelsAsync()).FirstOrDefault(m => m.Id == c.Source.ModelId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("columns")
            .Description("Field paths to show, in order; `values` and `cells` on its records follow them. For a view saved without columns, the model's default columns as they are now (see `defaultColumns`).")
            .ResolveAsync(async c => c.Source.Columns.Count > 0 ? c.Source.Columns
                : await HeadersAsync(c, report: false) is { } headers ? headers.Select(h => h.Path).ToList() : []);
        Field<NonNullGraphType<BooleanGraphType>>("defaultColumns")
            .Description("True when the view was saved without columns: it shows the model's ID field, its other fields and its attached data (e.g. `stripeCharge.amount`), worked out when read, so fields synced later show too. Saving columns fixes them; saving `columns: []` returns to the default.")
            .Resolve(c => c.Source.Columns.Count == 0);
        Field<ListGraphType<NonNullGraphType<ViewColumnType>>>("columnHeaders")
            .Description("The columns with a label and a type each, in order, so a table can show its header before any row; the same as each record's `cells`.")
            .ResolveAsync(async c => await HeadersAsync(c, report: true));
        Field<JsonScalarType>("where").Description("The saved filter, as a RecordFilterInput object; null when there is none.")
            .Resolve(c => c.Source.Where);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ViewSortType>>>>("order")
            .Description("The default order, used when a query gives none.").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<DateTimeType>>("createdAt").Description("When the view was created.").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeType>>("updatedAt").Description("When the view was last changed.").Resolve(c => c.Source.UpdatedAt);
        Field<RecordsConnectionType>("records")
            .Description("The model's records through the view: its filter AND `where`, `order` when given (else the view's), `search`, paging.")
            .WithRecordListArguments()
            .ResolveAsync(ResolveRecordsAsync);
        this.AddIndexFields();
    }

    /// <summary>The view's columns with labels and types; null (with the reason, when <paramref name="report"/>) when they cannot be shown.</summary>
    private static async Task<IReadOnlyList<ViewColumn>?> HeadersAsync(IResolveFieldContext<View> context, bool report)
    {
        var view = context.Source;
        var model = (await context.TeamModelsAsync()).FirstOrDefault(m => m.Id == view.ModelId);
        if (model is null)
        {
            if (report)
                context.Report([ModelDeleted(view)]);
            return null;
        }
        var resolved = await ColumnResolver.ResolveAsync(context, model, view.Columns);
        if (!resolved.Succeeded && report)
            context.Report(resolved.Problems);
        return resolved.Value?.Select(c => c.Header).ToList();
    }

    private static NotFoundProblem ModelDeleted(View view) =>
        new(view.ModelId, $"View '{view.Name}' shows model '{view.ModelId}', which has been deleted; delete the view or create it again on another model.");

    private static async Task<object?> ResolveRecordsAsync(IResolveFieldContext<View> context)
    {
        var view = context.Source;
        var model = (await context.TeamModelsAsync()).FirstOrDefault(m => m.Id == view.ModelId);
        if (model is null)
        {
            context.Report([ModelDeleted(view)]);
            return null;
        }
        var (where, order, search, page) = RecordArguments.ListArguments(context);
        // The caller's paths and the saved ones are checked against what the model knows now.
        var paths = where is null && order is not { Count: > 0 } && view.Where is null && view.Order.Count == 0 ? null : await context.ModelPathsAsync(model);
        var query = context.Service<ViewService>().QueryFor(view, where, order, search, page, paths);
        if (!query.Succeeded)
        {
            context.Report(query.Problems);
            return null;
        }
        var team = context.TeamStore();
        var built = query.Value!;
        var records = await team.Records.QueryAsync(model.Id, built, context.CancellationToken);
        return new RecordConnection(model, built, records,
            () => LoadedResult.Deferred(cancellationToken => team.Records.CountAsync(model.Id, built.Where, built.SearchTerms, cancellationToken)),
            view.Columns);
    }
}

/// <summary>One key of a view's default order.</summary>
public sealed class ViewSortType : ObjectGraphType<SortInput>
{
    public ViewSortType()
    {
        Name = "ViewSort";
        Field<StringGraphType>("field").Description("The field path.").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<SortEnumType>>("direction").Description("ASC or DESC.").Resolve(c => c.Source.Direction);
    }
}
