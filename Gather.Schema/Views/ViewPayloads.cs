using Gather.Infrastructure.Validation;
using Gather.Infrastructure.Views;
using Gather.Schema.Errors;
using GraphQL.Types;

namespace Gather.Schema.Views;

/// <summary>A mutation's view, or why there is none.</summary>
public sealed record ViewPayload(View? View, IReadOnlyList<Problem> Errors);

public abstract class ViewPayloadGraphType : ObjectGraphType<ViewPayload>
{
    protected ViewPayloadGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<ViewType>("view").Description("The view; null when there are errors.").Resolve(c => c.Source.View);
        this.AddErrorsField(p => p.Errors);
    }
}

public sealed class CreateViewPayloadType() : ViewPayloadGraphType("CreateViewPayload", "The created view.");

public sealed class UpdateViewPayloadType() : ViewPayloadGraphType("UpdateViewPayload", "The view as changed.");

public sealed class DeleteViewPayloadType() : ViewPayloadGraphType("DeleteViewPayload", "The deleted view, as it was.");
