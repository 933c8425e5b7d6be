using Gather.Infrastructure.Validation;
using GraphQL.Types;

namespace Gather.Schema.Errors;

/// <summary>An input broke a rule.</summary>
public sealed class ValidationErrorType : ObjectGraphType<ValidationProblem>
{
    public ValidationErrorType()
    {
        Name = "ValidationError";
        Description = "An input value broke a rule.";
        Interface<ErrorInterfaceType>();
        Field(p => p.Message).Description("What went wrong, in words meant for a person.");
        Field(p => p.Field).Description("The input field at fault, e.g. `name`.");
        Field(p => p.Rule).Description("The rule it broke, e.g. `required` or `maxLength`.");
        Field(p => p.Suggestion, nullable: true)
            .Description("What was probably meant, when something known is close: for rule `unknownField`, the closest known path (e.g. `amount` for `amout`).");
    }
}
