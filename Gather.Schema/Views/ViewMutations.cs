using Gather.Infrastructure.Security;
using Gather.Infrastructure.Views;
using Gather.Infrastructure.Views.Operations;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using Gather.Schema.Records;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Views;

/// <summary>Adds <c>createView</c>, <c>updateView</c> and <c>deleteView</c>. Views are shared team configuration, not data: MANAGE_VIEWS (which WRITE and ADMIN include).</summary>
public sealed class ViewMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        mutation.Field<NonNullGraphType<CreateViewPayloadType>>("createView")
            .Description("Saves a view of a model. Requires MANAGE_VIEWS.")
            .Argument<NonNullGraphType<CreateViewInputType>>("input")
            .RequireScope(ApiKeyScope.ManageViews)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var result = await c.Service<ViewService>().CreateAsync(c.TeamStore(), InputOf(input), c.CancellationToken);
                return Payload<View>.Of(result);
            });

        mutation.Field<NonNullGraphType<UpdateViewPayloadType>>("updateView")
            .Description("Changes a view's name, columns, filter or order. Requires MANAGE_VIEWS.")
            .Argument<NonNullGraphType<UpdateViewInputType>>("input")
            .RequireScope(ApiKeyScope.ManageViews)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var result = await c.Service<ViewService>().UpdateAsync(c.TeamStore(), input.GetValueOrDefault("id") as string,
                    InputOf(input), c.CancellationToken);
                return Payload<View>.Of(result);
            });

        mutation.Field<NonNullGraphType<DeleteViewPayloadType>>("deleteView")
            .Description("Deletes a view; the records stay. Requires MANAGE_VIEWS.")
            .Argument<NonNullGraphType<DeleteViewInputType>>("input")
            .RequireScope(ApiKeyScope.ManageViews)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var result = await c.Service<ViewService>().DeleteAsync(c.TeamStore(), input.GetValueOrDefault("id") as string, c.CancellationToken);
                return Payload<View>.Of(result);
            });
    }

    private static ViewInput InputOf(Dictionary<string, object?> input) => new(
        input.GetValueOrDefault("name") as string,
        input.GetValueOrDefault("modelId") as string,
        (input.GetValueOrDefault("columns") as IEnumerable<object?>)?.Select(c => c as string).ToList(),
        input.GetValueOrDefault("where") is IDictionary<string, object?> where ? RecordArguments.ToFilterInput(where) : null,
        (input.GetValueOrDefault("order") as IEnumerable<object?>)?.OfType<Dictionary<string, object?>>().Select(RecordArguments.ToSortInput).ToList());
}
