using GraphQL.Types;
using Gather.Schema.Common;
using Gather.Schema.Loading;

namespace Gather.Schema.Records;

/// <summary>
/// A cursor connection in HotChocolate's shape (<c>nodes</c>, <c>edges</c>, <c>pageInfo</c>,
/// <c>totalCount</c>); graphql-dotnet's own says <c>items</c>, so this is ours.
/// </summary>
public abstract class RecordConnectionGraphType<TNodeType, TEdgeType> : ObjectGraphType<RecordConnection>
    where TNodeType : IGraphType
    where TEdgeType : IGraphType
{
    protected RecordConnectionGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The records of this page.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges")
            .Description("The records of this page with their cursors.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Where this page sits.").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many records match the filter and search, across all pages (one extra count query).")
            .Resolve(c => c.Source.TotalCount().Then(count => (int)Math.Min(int.MaxValue, count)));
    }
}

/// <summary>An edge: a record and its cursor.</summary>
public abstract class RecordEdgeGraphType<TNodeType> : ObjectGraphType<RecordNode> where TNodeType : IGraphType
{
    protected RecordEdgeGraphType(string name)
    {
        Name = name;
        Description = "A record and its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` or `before` to page from this record.")
            .Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The record.").Resolve(c => c.Source);
    }
}

public sealed class RecordsConnectionType() : RecordConnectionGraphType<RecordType, RecordsEdgeType>(
    "RecordsConnection", "A page of records.");

public sealed class RecordsEdgeType() : RecordEdgeGraphType<RecordType>("RecordsEdge");
