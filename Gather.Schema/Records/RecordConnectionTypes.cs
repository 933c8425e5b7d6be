using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>
/// The connection and edge of a record type, in HotChocolate's shape (<c>nodes</c>, <c>edges</c>,
/// <c>pageInfo</c>, <c>totalCount</c>; graphql-dotnet's own says <c>items</c>), for the generic,
/// standard and typed records alike, named by <see cref="RecordTypeNames"/>.
/// </summary>
public static class RecordConnectionTypes
{
    /// <summary>How <c>totalCount</c> is described on Gather's own connections.</summary>
    public const string CountsFilterAndSearch = "How many records match the filter and search, across all pages (one extra count query).";

    /// <summary>How <c>totalCount</c> is described on typed connections, as the typed API was published.</summary>
    public const string CountsMatches = "How many records match, across all pages (one extra count query).";

    public static void AddConnectionFields(ObjectGraphType<RecordConnection> type, GraphTypeRef node, GraphTypeRef edge, string totalCountDescription)
    {
        type.AddField(node.NonNullList(new FieldType
        {
            Name = "nodes", Description = "The records of this page.",
            Resolver = new FuncFieldResolver<RecordConnection, object?>(c => c.Source.Nodes),
        }));
        type.AddField(edge.NonNullList(new FieldType
        {
            Name = "edges", Description = "The records of this page with their cursors.",
            Resolver = new FuncFieldResolver<RecordConnection, object?>(c => c.Source.Nodes),
        }));
        type.Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where this page sits.").Resolve(c => c.Source.PageInfo);
        type.Field<NonNullGraphType<IntGraphType>>("totalCount").Description(totalCountDescription)
            .Resolve(c => c.Source.TotalCount().Then(count => (int)Math.Min(int.MaxValue, count)));
    }

    public static void AddEdgeFields(ObjectGraphType<RecordNode> type, GraphTypeRef node)
    {
        type.Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` or `before` to page from this record.").Resolve(c => c.Source.Cursor);
        type.AddField(node.NonNull(new FieldType
        {
            Name = "node", Description = "The record.",
            Resolver = new FuncFieldResolver<RecordNode, object?>(c => c.Source),
        }));
    }

    /// <summary>A connection type built for one schema (a typed model's).</summary>
    public static ObjectGraphType<RecordConnection> Connection(RecordTypeNames names, string description, string totalCountDescription)
    {
        var type = new ObjectGraphType<RecordConnection> { Name = names.Connection, Description = description };
        AddConnectionFields(type, GraphTypeRef.Named(names.Type), GraphTypeRef.Named(names.Edge), totalCountDescription);
        return type;
    }

    /// <summary>An edge type built for one schema (a typed model's).</summary>
    public static ObjectGraphType<RecordNode> Edge(RecordTypeNames names)
    {
        var type = new ObjectGraphType<RecordNode> { Name = names.Edge, Description = EdgeDescription };
        AddEdgeFields(type, GraphTypeRef.Named(names.Type));
        return type;
    }

    public const string EdgeDescription = "A record and its cursor.";
}

/// <summary>A connection of Gather's own schema (<c>RecordsConnection</c>, <c>AccountsConnection</c>, …).</summary>
public abstract class RecordConnectionGraphType<TNodeType, TEdgeType> : ObjectGraphType<RecordConnection>
    where TNodeType : IGraphType
    where TEdgeType : IGraphType
{
    protected RecordConnectionGraphType(RecordTypeNames names, string description)
    {
        Name = names.Connection;
        Description = description;
        RecordConnectionTypes.AddConnectionFields(this, GraphTypeRef.Of<TNodeType>(), GraphTypeRef.Of<TEdgeType>(), RecordConnectionTypes.CountsFilterAndSearch);
    }
}

/// <summary>An edge of Gather's own schema: a record and its cursor.</summary>
public abstract class RecordEdgeGraphType<TNodeType> : ObjectGraphType<RecordNode> where TNodeType : IGraphType
{
    protected RecordEdgeGraphType(RecordTypeNames names)
    {
        Name = names.Edge;
        Description = RecordConnectionTypes.EdgeDescription;
        RecordConnectionTypes.AddEdgeFields(this, GraphTypeRef.Of<TNodeType>());
    }
}

public sealed class RecordsConnectionType() : RecordConnectionGraphType<RecordType, RecordsEdgeType>(RecordTypeNames.Record, "A page of records.");

public sealed class RecordsEdgeType() : RecordEdgeGraphType<RecordType>(RecordTypeNames.Record);
