using Gather.Infrastructure.Validation;
using GraphQL.Types;

namespace Gather.Schema.Errors;

/// <summary>A named thing does not exist in the caller's team.</summary>
public sealed class NotFoundErrorType : ObjectGraphType<NotFoundProblem>
{
    public NotFoundErrorType()
    {
        Name = "NotFoundError";
        Description = "The id names nothing in the caller's team.";
        Interface<ErrorInterfaceType>();
        Field(p => p.Message).Description("What went wrong, in words meant for a person.");
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The id that was not found.");
    }
}
