using System.Collections;
using Gather.Infrastructure.Records.Querying;
using Gather.Schema.Common;
using Gather.Schema.Records;
using Gather.Schema.Errors;
using GraphQL;

namespace Gather.Schema.Typed;

/// <summary>
/// The typed list arguments (<c>where: { amount: { gt: 50 } }</c>, <c>order: [{ amount: DESC }]</c>)
/// turned into the generic filter and sort the store already runs, so the typed and generic APIs
/// return the same records for the same question.
/// </summary>
public static class TypedArguments
{
    /// <summary>The query the field's typed arguments ask for, or null (with the problems reported) when they are invalid.</summary>
    public static RecordQuery? QueryOf(IResolveFieldContext context, TypedModel model)
    {
        var where = context.GetArgument<Dictionary<string, object?>?>("where") is { } map ? Filter(map, model) : null;
        var order = context.GetArgument<List<Dictionary<string, object?>>?>("order")?.SelectMany(o => Sorts(o, model)).ToList();
        return RecordArguments.QueryOf(context, where, order);
    }

    /// <summary>One typed filter object: its fields' conditions and its <c>and</c>/<c>or</c> lists, all of which must hold.</summary>
    public static FilterInput Filter(IDictionary<string, object?> map, TypedModel model)
    {
        var all = new List<FilterInput>();
        foreach (var (name, value) in map)
        {
            switch (name)
            {
                case "and" when value is IEnumerable list:
                    all.Add(new FilterInput(list.OfType<IDictionary<string, object?>>().Select(m => Filter(m, model)).ToList(), null, null, null, []));
                    break;
                case "or" when value is IEnumerable list:
                    all.Add(new FilterInput(null, list.OfType<IDictionary<string, object?>>().Select(m => Filter(m, model)).ToList(), null, null, []));
                    break;
                case var section when value is IDictionary<string, object?> fields && model.AttachedSections.Contains(section):
                    all.AddRange(fields.Where(p => p.Value is IDictionary<string, object?>)
                        .Select(p => Condition($"{section}.{p.Key}", (IDictionary<string, object?>)p.Value!)));
                    break;
                case "id" when value is IDictionary<string, object?> conditions:
                    all.Add(Condition(model.Model.IdField, conditions));
                    break;
                default:
                    if (model.PathsByName.TryGetValue(name, out var path) && value is IDictionary<string, object?> operators)
                        all.Add(Condition(path, operators));
                    break;
            }
        }
        return all.Count == 1 ? all[0] : new FilterInput(all, null, null, null, []);
    }

    private static FilterInput Condition(string path, IDictionary<string, object?> operators) =>
        new(null, null, null, path, RecordArguments.Conditions(operators));

    /// <summary>One typed sort object: each key given, in the order written (<c>{ stripeCharge: { amount: DESC } }</c> nests).</summary>
    public static IEnumerable<SortInput> Sorts(IDictionary<string, object?> map, TypedModel model)
    {
        foreach (var (name, value) in map)
        {
            if (value is SortDirection direction)
                yield return new SortInput(name == "id" ? model.Model.IdField : model.PathsByName.GetValueOrDefault(name, name), direction);
            else if (value is IDictionary<string, object?> nested && model.AttachedSections.Contains(name))
                foreach (var (field, inner) in nested)
                    if (inner is SortDirection innerDirection)
                        yield return new SortInput($"{name}.{field}", innerDirection);
        }
    }
}
