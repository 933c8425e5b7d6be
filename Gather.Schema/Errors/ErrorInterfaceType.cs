using Gather.Infrastructure.Validation;
using GraphQL.Types;

namespace Gather.Schema.Errors;

/// <summary>The <c>Error</c> interface every typed mutation error implements.</summary>
public sealed class ErrorInterfaceType : InterfaceGraphType<Problem>
{
    public ErrorInterfaceType()
    {
        Name = "Error";
        Description = "Something the caller can fix. Nothing was changed by a mutation that returns errors.";
        Field(p => p.Message).Description("What went wrong, in words meant for a person.");
    }
}
