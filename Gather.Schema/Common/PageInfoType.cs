using GraphQL.Types;

namespace Gather.Schema.Common;

/// <summary>Where a page sits, as Relay and HotChocolate name it.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field(p => p.HasNextPage).Description("Whether more records follow this page.");
        Field(p => p.HasPreviousPage).Description("Whether records precede this page.");
        Field(p => p.StartCursor, nullable: true).Description("The cursor of the first record of the page; pass it as `before`.");
        Field(p => p.EndCursor, nullable: true).Description("The cursor of the last record of the page; pass it as `after`.");
    }
}
