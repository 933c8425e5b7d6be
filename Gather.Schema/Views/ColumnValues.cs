using System.Text.Json.Nodes;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Validation;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using Gather.Schema.Loading;
using Gather.Schema.Records;
using Gather.Schema.Relationships;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.Extensions.Options;

namespace Gather.Schema.Views;

/// <summary>
/// A record's values for a list of columns. A column is a field path; when its first part
/// names a relationship to one record (e.g. <c>account.plan</c>), the rest is read from that
/// record (batched per level, like navigation); when it names data an integration attached
/// (e.g. <c>stripeCharge.status</c>), from that; otherwise from the record's own fields.
/// </summary>
public static class ColumnValues
{
    public static async Task<object?> ResolveAsync(IResolveFieldContext<RecordNode> context)
    {
        var node = context.Source;
        var columns = context.GetArgument<List<string>?>("columns") ?? node.Columns;
        if (columns is null)
        {
            context.Report([new ValidationProblem("columns", "required", "Name the columns, or read the record through a view, whose columns are the default.")]);
            return null;
        }
        var sync = context.Service<IOptions<SyncOptions>>().Value;
        var sides = (await context.TeamRelationshipsAsync()).SelectMany(r => r.SidesFrom(node.Model.Id)).ToList();
        var models = await context.TeamModelsAsync();

        var cells = new List<IDataLoaderResult<JsonNode?>>();
        var problems = new List<Problem>();
        for (var i = 0; i < columns.Count; i++)
        {
            var path = FieldPath.TryParse(columns[i], sync.MaxDepth, sync.MaxFieldNameLength, out var problem);
            if (path is null)
            {
                problems.Add(new ValidationProblem($"columns[{i}]", "fieldPath", problem!));
                continue;
            }
            var head = path.Segments[0];
            var side = sides.FirstOrDefault(s => s.Name == head);
            var target = side is null ? null : models.FirstOrDefault(m => m.Id == side.TargetModelId);
            if (side is not null && target is not null)
            {
                if (!side.LeadsToOne(target))
                {
                    problems.Add(new ValidationProblem($"columns[{i}]", "toMany",
                        $"Column '{path}' goes through '{head}', which leads to many {target.Name} records; a column shows one value."));
                    continue;
                }
                var rest = new FieldPath(path.Segments.Skip(1).ToList());
                var link = LinkValues.Of(node.Record, node.Model, side.SourcePath);
                cells.Add(link is null
                    ? LoadedResult.Of<JsonNode?>(null)
                    : (await RelatedRecords.LoadOneAsync(context, target, link)).Then(related => related is null ? null : ValueOf(related.Record, rest)));
            }
            else
            {
                cells.Add(LoadedResult.Of(ValueOf(node.Record, path)));
            }
        }
        if (problems.Count > 0)
        {
            context.Report(problems);
            return null;
        }
        return LoadedResult.All(cells);
    }

    /// <summary>The value at <paramref name="path"/>: the key for an empty path, attached data when its first part is attached, else the record's own field.</summary>
    private static JsonNode? ValueOf(StoredRecord record, FieldPath path) => path.Segments.Count == 0
        ? JsonValue.Create(record.Key)
        : RecordCursor.ValueAt(AttachedData.IsAttached(path) ? record.Linked : record.Data, path)?.DeepClone();
}
