using Gather.Infrastructure.Models;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Typed;

/// <summary>
/// Where a model sits in its team's typed API: its type and root fields, each synced field's
/// GraphQL name, what was left out and why, or why the model itself was left out.
/// </summary>
public sealed record ModelTypedApi(string? TypeName, string? RootField, string? ByIdField, IReadOnlyList<TypedField> Fields,
    IReadOnlyList<ExcludedField> ExcludedFields, string? Problem)
{
    /// <summary>The key under which a team's schema keeps the plan it was built from.</summary>
    public const string PlanKey = "gather.typedApiPlan";

    /// <summary>
    /// The model as the schema executing this request shows it, or null where the schema has no
    /// typed part (typed schemas off), for integration models, and for a model created after this
    /// request's schema was built.
    /// </summary>
    public static ModelTypedApi? Of(ISchema schema, Model model)
    {
        if (schema.GetMetadata<TeamSchemaPlan>(PlanKey) is not { } plan)
            return null;
        var excluded = plan.ExcludedFields.GetValueOrDefault(model.Id) ?? [];
        switch (model.Kind)
        {
            case ModelKind.Custom when plan.Models.FirstOrDefault(m => m.Model.Id == model.Id) is { } typed:
                return new ModelTypedApi(typed.TypeName, typed.ListField, typed.ByIdField, typed.Fields, excluded, null);
            case ModelKind.Custom when plan.Problems.TryGetValue(model.Id, out var problem):
                return new ModelTypedApi(null, null, null, [], excluded, problem);
            case ModelKind.Standard:
                // Account and Customer keep Gather's own entry points: `accounts`/`account(name)`, `customers`/`customer(email)`.
                var single = GraphQLNames.LowerFirst(model.Name);
                return new ModelTypedApi(model.Name, single + "s", single, plan.StandardFields.GetValueOrDefault(model.Name) ?? [], excluded, null);
            default:
                return null;
        }
    }
}
