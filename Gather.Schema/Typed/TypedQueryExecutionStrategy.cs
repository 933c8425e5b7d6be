using System.Collections;
using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Gather.Schema.Typed;

/// <summary>
/// graphql-dotnet's parallel strategy for queries, except that a typed record whose selection
/// reads only from the record becomes one <see cref="RecordProjectionNode"/> instead of a node
/// per field. The choice is made per selection, after <c>@skip</c>/<c>@include</c> and fragments
/// are applied, so what is written is exactly what the ordinary execution would have written.
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
            || ProjectionOf(context, recordType, parent.Field) is not { } projection)
            return base.SetArrayItemNodesAsync(context, parent);

        var items = new List<ExecutionNode>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is null)
            {
                // Lists of typed records never hold nulls; should one, the ordinary path reports it.
                return base.SetArrayItemNodesAsync(context, parent);
            }
            items.Add(new RecordProjectionNode(parent, recordType, parent.Field!, parent.FieldDefinition!, i, projection) { Result = records[i] });
        }
        parent.Items = items;
        return Task.CompletedTask;
    }

    /// <summary>A single typed record (<c>ordersById</c>, an edge's <c>node</c>, a to-one relationship).</summary>
    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        base.SetSubFieldNodes(context, parent);
        var children = parent.SubFields!;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is ObjectExecutionNode { GraphType: TypedRecordGraphType recordType } child
                && ProjectionOf(context, recordType, child.Field) is { } projection)
                children[i] = new RecordProjectionNode(parent, recordType, child.Field!, child.FieldDefinition!, null, projection);
        }
    }

    private RecordProjection? ProjectionOf(ExecutionContext context, TypedRecordGraphType type, GraphQLField? field)
    {
        if (field?.SelectionSet is not { } selection)
            return null;
        RecordProjection? Project() => RecordProjection.Of(type, CollectFieldsFrom(context, type, selection, null), context.Schema);
        return Projections.Value is { } known ? known.GetOrAdd((field, type), _ => Project()) : Project();
    }
}
