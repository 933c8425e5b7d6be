using System.Text.Json.Nodes;
using Gather.Schema.Errors;
using Gather.Schema.Loading;
using Gather.Schema.Records;
using GraphQL;
using GraphQL.DataLoader;

namespace Gather.Schema.Views;

/// <summary>
/// A record's values for a list of columns: those named by the <c>columns</c> argument, else
/// the columns of the view the record was read through, else (a view saved without columns, or
/// a record read on its own) the model's default columns. A column is a field path; when its
/// first part names a relationship to one record (e.g. <c>account.plan</c>), the rest is read
/// from that record (batched per level, like navigation); when it names data an integration
/// attached (e.g. <c>stripeCharge.status</c>), from that; otherwise from the record's own fields.
/// </summary>
public static class ColumnValues
{
    /// <summary><c>values</c>: the values alone, in column order.</summary>
    public static async Task<object?> ResolveAsync(IResolveFieldContext<RecordNode> context) =>
        await CellsAsync(context) is { } cells ? cells.Then(list => list.Select(c => c.Value).ToList()) : null;

    /// <summary><c>cells</c>: each value with its column's path, label and type.</summary>
    public static async Task<object?> ResolveCellsAsync(IResolveFieldContext<RecordNode> context) => await CellsAsync(context);

    private static async Task<IDataLoaderResult<IReadOnlyList<RecordCell>>?> CellsAsync(IResolveFieldContext<RecordNode> context)
    {
        var node = context.Source;
        var named = context.GetArgument<List<string>?>("columns");
        var resolved = await ColumnResolver.ResolveAsync(context, node.Model, named ?? node.Columns, check: named is not null);
        if (!resolved.Succeeded)
        {
            context.Report(resolved.Problems);
            return null;
        }
        var cells = new List<IDataLoaderResult<RecordCell>>(resolved.Value!.Count);
        foreach (var column in resolved.Value)
            cells.Add((await column.ValueAsync(context, node)).Then(value => new RecordCell(column.Header, value)));
        return LoadedResult.All(cells);
    }
}

/// <summary>One value of a record under one column.</summary>
public sealed record RecordCell(Infrastructure.Views.ViewColumn Column, JsonNode? Value);
