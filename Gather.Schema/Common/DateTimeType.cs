using GraphQL.Types;

namespace Gather.Schema.Common;

/// <summary>
/// ISO-8601 timestamps with offset, named <c>DateTime</c> as HotChocolate names them so
/// clients written for a HotChocolate server find the scalar they expect.
/// </summary>
public sealed class DateTimeType : DateTimeOffsetGraphType
{
    public DateTimeType()
    {
        Name = "DateTime";
        Description = "An ISO-8601 date and time with offset, e.g. 2026-11-23T11:00:00.000Z.";
    }
}
