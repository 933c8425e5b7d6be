using System.Text.Json;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Records.Operations;

/// <summary>
/// Turns what a caller asked for into a <see cref="RecordQuery"/>, or the problems that stop
/// it: paths follow the field-name rules, operands have the right shape, and every limit in
/// <see cref="QueryOptions"/> holds. Problems name the argument path, e.g. <c>where.or[1].gt</c>.
/// Given the model's <see cref="ModelPaths"/>, every path must be one the model knows and every
/// operand must suit its field's type.
/// </summary>
public sealed class RecordQueryBuilder(IOptions<QueryOptions> options, IOptions<SyncOptions> sync)
{
    private QueryOptions Limits => options.Value;

    public Result<RecordQuery> Build(FilterInput? where, IReadOnlyList<SortInput>? order, string? search, PageInput page, ModelPaths? paths = null)
    {
        var problems = new List<ValidationProblem>();
        var nodes = 0;
        var filter = where is null ? null : Filter(where, "where", 1, ref nodes, problems, paths);
        var sorts = Order(order ?? [], problems, paths);
        var terms = Search(search, problems);
        var pageRequest = Page(page, sorts, problems);
        return problems.Count > 0
            ? Result<RecordQuery>.Invalid(problems)
            : Result<RecordQuery>.Ok(new RecordQuery(filter, sorts, terms, pageRequest!));
    }

    /// <summary>The filter alone, for counts and saved view filters.</summary>
    public Result<RecordFilter?> BuildFilter(FilterInput? where, ModelPaths? paths = null)
    {
        var problems = new List<ValidationProblem>();
        var nodes = 0;
        var filter = where is null ? null : Filter(where, "where", 1, ref nodes, problems, paths);
        return problems.Count > 0 ? new Result<RecordFilter?>(null, problems) : Result<RecordFilter?>.Ok(filter);
    }

    private RecordFilter? Filter(FilterInput input, string at, int depth, ref int nodes, List<ValidationProblem> problems, ModelPaths? paths)
    {
        if (depth > Limits.MaxFilterDepth)
        {
            problems.Add(new(at, "maxDepth", $"Filters may nest and/or/not at most {Limits.MaxFilterDepth} deep (Gather:Query:MaxFilterDepth)."));
            return null;
        }
        if (++nodes > Limits.MaxFilterNodes)
        {
            if (nodes == Limits.MaxFilterNodes + 1)
                problems.Add(new("where", "maxNodes", $"A filter may have at most {Limits.MaxFilterNodes} parts (Gather:Query:MaxFilterNodes)."));
            return null;
        }

        var parts = new List<RecordFilter>();
        if (input.Operators.Count > 0)
        {
            var path = FieldPath.TryParse(input.Field, sync.Value.MaxDepth, sync.Value.MaxFieldNameLength, out var pathProblem);
            if (path is null)
                problems.Add(new($"{at}.field", input.Field is null ? "required" : "fieldPath",
                    input.Field is null ? "Operators such as eq or gt need a `field` to apply to." : pathProblem!));
            else if (paths?.CheckField($"{at}.field", path) is { } unknown)
            {
                problems.Add(unknown);
                path = null;
            }
            var type = path is null ? null : paths?.TypeOf(path);
            foreach (var (op, operand) in input.Operators)
            {
                nodes++;
                if (path is null || Operand(op, operand, $"{at}.{Name(op)}", problems) is not { } values)
                    continue;
                if (type is { } known && OperandKinds.Check($"{at}.{Name(op)}", Name(op), path, known, op, values, paths!.Model.Name) is { } mismatch)
                    problems.Add(mismatch);
                else
                    parts.Add(new FieldFilter(path, op, values, paths?.MayHoldArrays(path) ?? true));
            }
        }
        else if (input.Field is not null)
        {
            problems.Add(new($"{at}.field", "operator", $"Field '{input.Field}' has no operator: add one such as eq, gt or contains."));
        }

        if (input.And is { } and)
            parts.AddRange(Children(and, $"{at}.and", depth, ref nodes, problems, paths));
        if (input.Or is { } or)
            parts.Add(new AnyOf(Children(or, $"{at}.or", depth, ref nodes, problems, paths)));
        if (input.Not is { } not && Filter(not, $"{at}.not", depth + 1, ref nodes, problems, paths) is { } negated)
            parts.Add(new NotFilter(negated));
        return parts.Count == 1 ? parts[0] : new AllOf(parts);
    }

    private List<RecordFilter> Children(IReadOnlyList<FilterInput> inputs, string at, int depth, ref int nodes, List<ValidationProblem> problems,
        ModelPaths? paths)
    {
        var children = new List<RecordFilter>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (Filter(inputs[i], $"{at}[{i}]", depth + 1, ref nodes, problems, paths) is { } child)
                children.Add(child);
        }
        return children;
    }

    private IReadOnlyList<Scalar>? Operand(FilterOperator op, JsonNode? operand, string at, List<ValidationProblem> problems)
    {
        switch (op)
        {
            case FilterOperator.In or FilterOperator.Nin:
                if (operand is not JsonArray list)
                {
                    problems.Add(new(at, "list", "Takes a list of values, e.g. [\"paid\", \"open\"]."));
                    return null;
                }
                if (list.Count > Limits.MaxInValues)
                {
                    problems.Add(new(at, "maxLength", $"Takes at most {Limits.MaxInValues} values (Gather:Query:MaxInValues)."));
                    return null;
                }
                var values = new List<Scalar>();
                foreach (var element in list)
                {
                    if (ScalarOperand(element, at, problems) is not { } value)
                        return null;
                    values.Add(value);
                }
                return values;
            case FilterOperator.Exists:
                if (operand is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                    return [Scalar.Of(flag.GetValue<bool>())];
                problems.Add(new(at, "boolean", "Takes true or false."));
                return null;
            case FilterOperator.Contains or FilterOperator.NContains or FilterOperator.StartsWith or FilterOperator.EndsWith:
                if (ScalarOperand(operand, at, problems) is { Kind: ScalarKind.String } text)
                    return [text];
                problems.Add(new(at, "string", "Takes a string."));
                return null;
            case FilterOperator.Gt or FilterOperator.Gte or FilterOperator.Lt or FilterOperator.Lte:
                if (ScalarOperand(operand, at, problems) is { Kind: ScalarKind.Number or ScalarKind.String } bound)
                    return [bound];
                problems.Add(new(at, "comparable", "Takes a number or a string (ISO-8601 dates compare as strings)."));
                return null;
            default:
                return ScalarOperand(operand, at, problems) is { } scalar ? [scalar] : null;
        }
    }

    private Scalar? ScalarOperand(JsonNode? operand, string at, List<ValidationProblem> problems)
    {
        var scalar = Scalar.FromJson(operand);
        if (scalar is null)
            problems.Add(new(at, "scalar", "Takes a single value (a string, number, boolean or null), not an object or list."));
        else if (scalar.Value.Value is string s && s.Length > Limits.MaxOperandLength)
            problems.Add(new(at, "maxLength", $"Strings in filters may be at most {Limits.MaxOperandLength} characters (Gather:Query:MaxOperandLength)."));
        else if (scalar.Value.Value is double d && !double.IsFinite(d))
            problems.Add(new(at, "number", "Takes a finite number."));
        else
            return scalar.Value.Value is double number ? Scalar.NumberOf(number) : scalar;
        return null;
    }

    private List<RecordSort> Order(IReadOnlyList<SortInput> order, List<ValidationProblem> problems, ModelPaths? paths)
    {
        if (order.Count > Limits.MaxOrderFields)
        {
            problems.Add(new("order", "maxLength", $"Order by at most {Limits.MaxOrderFields} fields (Gather:Query:MaxOrderFields)."));
            return [];
        }
        var sorts = new List<RecordSort>();
        for (var i = 0; i < order.Count; i++)
        {
            var path = FieldPath.TryParse(order[i].Field, sync.Value.MaxDepth, sync.Value.MaxFieldNameLength, out var problem);
            if (path is null)
                problems.Add(new($"order[{i}].field", "fieldPath", problem!));
            else if (paths?.CheckField($"order[{i}].field", path) is { } unknown)
                problems.Add(unknown);
            else if (sorts.Any(s => s.Path.Equals(path)))
                problems.Add(new($"order[{i}].field", "duplicate", $"The order names '{path}' twice."));
            else
                sorts.Add(new RecordSort(path, order[i].Direction));
        }
        return sorts;
    }

    private IReadOnlyList<string> Search(string? search, List<ValidationProblem> problems)
    {
        if (search is not null && search.Length > Limits.MaxSearchLength)
        {
            problems.Add(new("search", "maxLength", $"Search for at most {Limits.MaxSearchLength} characters (Gather:Query:MaxSearchLength)."));
            return [];
        }
        return SearchText.Terms(search);
    }

    private PageRequest? Page(PageInput page, IReadOnlyList<RecordSort> order, List<ValidationProblem> problems)
    {
        var before = problems.Count;
        if (page.First is not null && page.Last is not null)
            problems.Add(new("first", "paging", "Give `first` (with `after`) or `last` (with `before`), not both."));
        if (page.After is not null && page.Before is not null)
            problems.Add(new("after", "paging", "Give `after` or `before`, not both."));
        if (page.Last is not null && page.After is not null || page.First is not null && page.Before is not null)
            problems.Add(new("after", "paging", "Page forward with `first` and `after`, or backward with `last` and `before`."));
        foreach (var (name, size) in new[] { ("first", page.First), ("last", page.Last) })
        {
            if (size < 0)
                problems.Add(new(name, "min", $"`{name}` cannot be negative."));
            else if (size > Limits.MaxPageSize)
                problems.Add(new(name, "max", $"`{name}` may be at most {Limits.MaxPageSize} (Gather:Query:MaxPageSize)."));
        }
        var backward = page.Last is not null || page.Before is not null;
        var cursorText = backward ? page.Before : page.After;
        RecordCursor? cursor = null;
        if (cursorText is not null && problems.Count == before)
        {
            cursor = RecordCursor.TryDecode(cursorText, order, out var problem);
            var name = backward ? "before" : "after";
            if (cursor is null)
                problems.Add(new(name, "cursor", $"`{name}`: {problem}"));
        }
        if (problems.Count > before)
            return null;
        return new PageRequest((backward ? page.Last : page.First) ?? Limits.DefaultPageSize, backward, cursor);
    }

    private static string Name(FilterOperator op) => op switch
    {
        FilterOperator.NContains => "ncontains",
        FilterOperator.StartsWith => "startsWith",
        FilterOperator.EndsWith => "endsWith",
        _ => op.ToString().ToLowerInvariant(),
    };
}
