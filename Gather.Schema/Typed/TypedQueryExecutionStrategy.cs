using System.Collections;
using System.Collections.Concurrent;
using Gather.Schema.Records;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Gather.Schema.Typed;

/// <summary>
/// graphql-dotnet's parallel strategy for queries, except that the fields of a typed record that
/// read only from the record are written by its <see cref="RecordProjection"/> instead of being
/// executed: a record selecting only such fields becomes one <see cref="RecordProjectionNode"/>,
/// and in a record that also selects other fields each becomes a <see cref="ProjectedFieldNode"/>.
/// The choice is made per selection, after <c>@skip</c>/<c>@include</c> and fragments are
/// applied, so what is written is exactly what the ordinary execution would have written.
/// </summary>
public sealed class TypedQueryExecutionStrategy : ParallelExecutionStrategy
{
    // The projections of the request being executed, by selection and type: every parent's list
    // of the same field (an edge's node, a relationship under each record) shares one projection.
    private static readonly AsyncLocal<ConcurrentDictionary<(GraphQLField, TypedRecordGraphType), RecordProjection?>?> Projections = new();

    public override async Task<ExecutionResult> ExecuteAsync(ExecutionContext context)
    {
        Projections.Value = new ConcurrentDictionary<(GraphQLField, TypedRecordGraphType), RecordProjection?>();
        try
        {
            return await base.ExecuteAsync(context);
        }
        finally
        {
            Projections.Value = null;
        }
    }

    /// <summary>A list of typed records (<c>nodes</c>): one projection for the list, one node per record.</summary>
    protected override Task SetArrayItemNodesAsync(ExecutionContext context, ArrayExecutionNode parent)
    {
        var itemType = ((ListGraphType)parent.GraphType!).ResolvedType;
        if (itemType?.GetNamedType() is not TypedRecordGraphType recordType
            || parent.Result is not IList records
            || ProjectionOf(context, recordType, parent.Field) is not { IsComplete: true } projection)
            return base.SetArrayItemNodesAsync(context, parent);

        // Lists of typed records never hold nulls; should one, the ordinary path reports it.
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is null)
                return base.SetArrayItemNodesAsync(context, parent);
        }
        var items = new List<ExecutionNode>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var item = new RecordProjectionNode(parent, recordType, parent.Field!, parent.FieldDefinition!, i, projection) { Result = records[i] };
            projection.ReportMisfits(context, item, (RecordNode)records[i]!);
            items.Add(item);
        }
        parent.Items = items;
        return Task.CompletedTask;
    }

    /// <summary>
    /// A record that selects fields to execute: its projected fields become <see cref="ProjectedFieldNode"/>s.
    /// Any other object: a child that is a single typed record with a complete projection
    /// (<c>ordersById</c>, an edge's <c>node</c>, a to-one relationship) becomes a <see cref="RecordProjectionNode"/>.
    /// </summary>
    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        if (parent.GraphType is TypedRecordGraphType recordType && ProjectionOf(context, recordType, parent.Field) is { } partial)
        {
            var fields = new ExecutionNode[partial.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                var (field, definition) = partial.FieldAt(i);
                fields[i] = partial.Projects(i)
                    ? new ProjectedFieldNode(parent, definition.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType! : definition.ResolvedType!,
                        field, definition, partial, i)
                    : BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
            }
            parent.SubFields = fields;
            if (parent.Result is RecordNode record)
                partial.ReportMisfits(context, parent, record);
            return;
        }

        base.SetSubFieldNodes(context, parent);
        var children = parent.SubFields!;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is ObjectExecutionNode { GraphType: TypedRecordGraphType childType } child
                && ProjectionOf(context, childType, child.Field) is { IsComplete: true } projection)
                children[i] = new RecordProjectionNode(parent, childType, child.Field!, child.FieldDefinition!, null, projection);
        }
    }

    /// <summary>A single record written by its projection (<c>ordersById</c>, a to-one relationship): its values are checked once it is known.</summary>
    protected override async Task CompleteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        await base.CompleteNodeAsync(context, node);
        if (node is RecordProjectionNode { IndexInParentNode: null, Result: RecordNode record } single)
            single.Projection.ReportMisfits(context, single, record);
    }

    /// <summary>Projected fields have nothing to execute: their record's projection writes them.</summary>
    protected override Task ExecuteNodeAsync(ExecutionContext context, ExecutionNode node) =>
        node is ProjectedFieldNode ? Task.CompletedTask : base.ExecuteNodeAsync(context, node);

    private RecordProjection? ProjectionOf(ExecutionContext context, TypedRecordGraphType type, GraphQLField? field)
    {
        if (field?.SelectionSet is not { } selection)
            return null;
        RecordProjection? Project() => RecordProjection.Of(type, CollectFieldsFrom(context, type, selection, null), context.Schema);
        return Projections.Value is { } known ? known.GetOrAdd((field, type), _ => Project()) : Project();
    }
}
