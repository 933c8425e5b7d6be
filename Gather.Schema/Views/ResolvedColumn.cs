using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Views;
using Gather.Schema.Loading;
using Gather.Schema.Records;
using Gather.Schema.Relationships;
using GraphQL;
using GraphQL.DataLoader;

namespace Gather.Schema.Views;

/// <summary>
/// A column ready to read: its header, its path, and, when its first part names a relationship
/// to one record (<c>account.plan</c>), that relationship and the model it leads to.
/// </summary>
public sealed record ResolvedColumn(ViewColumn Header, FieldPath Path, RelationshipSide? Through = null, Model? Target = null)
{
    /// <summary>The path in the related record: the column's path after the relationship's name.</summary>
    private readonly FieldPath _pathInTarget = Through is null ? Path : new FieldPath(Path.Segments.Skip(1).ToList());

    /// <summary>
    /// The column's value for <paramref name="node"/>: read from the record, or from the related
    /// record, which is loaded with those of the other records at this level (one store call per level).
    /// </summary>
    public async Task<IDataLoaderResult<JsonNode?>> ValueAsync(IResolveFieldContext context, RecordNode node)
    {
        if (Through is null || Target is null)
            return LoadedResult.Of(ValueOf(node.Record, Path));
        var link = LinkValues.Of(node.Record, node.Model, Through.SourcePath);
        if (link is null)
            return LoadedResult.Of<JsonNode?>(null);
        return (await RelatedRecords.LoadOneAsync(context, Target, link)).Then(related => related is null ? null : ValueOf(related.Record, _pathInTarget));
    }

    /// <summary>The value at <paramref name="path"/>: the key for an empty path, attached data when its first part is attached, else the record's own field.</summary>
    private static JsonNode? ValueOf(StoredRecord record, FieldPath path) => path.Segments.Count == 0
        ? JsonValue.Create(record.Key)
        : RecordCursor.ValueAt(AttachedData.IsAttached(path) ? record.Linked : record.Data, path)?.DeepClone();
}
