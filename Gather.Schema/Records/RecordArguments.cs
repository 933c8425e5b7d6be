using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Validation;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using Gather.Schema.Loading;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>
/// How record lists read their arguments (<see cref="RecordListArguments"/> declares them) and the
/// resolution they share: validate, query the store, wrap as a connection.
/// </summary>
public static class RecordArguments
{
    /// <summary>The generic arguments of a root record list.</summary>
    public static FieldBuilder<TSource, TReturn> WithRecordListArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithListArguments(RecordListKind.Root);

    /// <summary>The generic arguments of a related-records list: like a root list's, reading forward only.</summary>
    public static FieldBuilder<TSource, TReturn> WithRelatedListArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithListArguments(RecordListKind.Related);

    /// <summary>
    /// Resolves a record list of <paramref name="model"/>, for the query the field's arguments ask
    /// for (or <paramref name="typedQuery"/>, from the typed API); invalid arguments become errors and a null result.
    /// </summary>
    public static async Task<RecordConnection?> ResolveConnectionAsync(IResolveFieldContext context, Model model, RecordQuery? typedQuery = null)
    {
        if (!ModelArgument.IsStored(context, model) || (typedQuery ?? await QueryOfAsync(context, model)) is not { } query)
            return null;
        var team = context.TeamStore();
        var page = await team.Records.QueryAsync(model.Id, query, context.CancellationToken);
        return new RecordConnection(model, query, page,
            () => LoadedResult.Deferred(cancellationToken => team.Records.CountAsync(model.Id, query.Where, query.SearchTerms, cancellationToken)));
    }

    /// <summary>
    /// The query the field's generic list arguments ask for on <paramref name="model"/>, or null
    /// (with the problems reported) when they are invalid. Every path they name must be one the
    /// model knows; its catalogue is read (with the level's others) only when a path is named.
    /// </summary>
    public static async Task<RecordQuery?> QueryOfAsync(IResolveFieldContext context, Model model)
    {
        var (where, order, _, _) = ListArguments(context);
        var paths = NamesPaths(context) ? await context.ModelPathsAsync(model) : null;
        return QueryOf(context, where, order, paths);
    }

    /// <summary>Whether the field's list arguments name paths (a filter, or an order), which its model's catalogue must then know.</summary>
    public static bool NamesPaths(IResolveFieldContext context) =>
        context.GetArgument<Dictionary<string, object?>?>("where") is not null
        || context.GetArgument<List<Dictionary<string, object?>>?>("order") is { Count: > 0 };

    /// <summary>
    /// The query for a filter and sort already read from the field's arguments (the typed API's
    /// own shapes), with its <c>search</c> and page; null, with the problems reported, when invalid.
    /// </summary>
    public static RecordQuery? QueryOf(IResolveFieldContext context, FilterInput? where, List<SortInput>? order, ModelPaths? paths = null)
    {
        var query = context.Service<RecordQueryBuilder>().Build(where, order, context.GetArgument<string?>("search"), PageOf(context), paths);
        if (query.Succeeded)
            return query.Value!;
        context.Report(query.Problems);
        return null;
    }

    /// <summary>The list arguments as the caller wrote them (absent ones null), before validation.</summary>
    public static (FilterInput? Where, List<SortInput>? Order, string? Search, PageInput Page) ListArguments(IResolveFieldContext context) => (
        context.GetArgument<Dictionary<string, object?>?>("where") is { } where ? ToFilterInput(where) : null,
        context.GetArgument<List<Dictionary<string, object?>>?>("order")?.Select(ToSortInput).ToList(),
        context.GetArgument<string?>("search"),
        PageOf(context));

    private static PageInput PageOf(IResolveFieldContext context) => new(context.GetArgument<int?>("first"), context.GetArgument<string?>("after"),
        context.GetArgument<int?>("last"), context.GetArgument<string?>("before"));

    public static FilterInput ToFilterInput(IDictionary<string, object?> map) => new(
        Children(map, "and"),
        Children(map, "or"),
        map.TryGetValue("not", out var not) && not is IDictionary<string, object?> negated ? ToFilterInput(negated) : null,
        map.TryGetValue("field", out var field) ? field as string : null,
        Conditions(map));

    /// <summary>The operators an input object carries (<c>{ gt: 50, lte: 100 }</c>), by their GraphQL names; other keys are not operators.</summary>
    public static List<(FilterOperator, JsonNode?)> Conditions(IDictionary<string, object?> map) =>
        FilterInputJson.Operators.Where(o => map.ContainsKey(o.Name)).Select(o => (o.Operator, Operand(map[o.Name]))).ToList();

    private static List<FilterInput>? Children(IDictionary<string, object?> map, string name) =>
        map.TryGetValue(name, out var value) && value is IEnumerable list
            ? list.OfType<IDictionary<string, object?>>().Select(ToFilterInput).ToList()
            : null;

    public static SortInput ToSortInput(Dictionary<string, object?> map) => new(
        map.GetValueOrDefault("field") as string,
        map.GetValueOrDefault("direction") is SortDirection direction ? direction : SortDirection.Ascending);

    /// <summary>
    /// An operand as the JSON value filters take: JSON nodes (the JSON scalar), strings, booleans,
    /// numbers and times (typed inputs; DATETIMEs as Gather stores them), or lists of those.
    /// </summary>
    public static JsonNode? Operand(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int or long or short or byte => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double or float or decimal => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        DateTimeOffset at => JsonValue.Create(at.UtcDateTime.ToString(DeclaredTypeConversion.DateTimeFormat, CultureInfo.InvariantCulture)),
        DateTime at => JsonValue.Create(at.ToUniversalTime().ToString(DeclaredTypeConversion.DateTimeFormat, CultureInfo.InvariantCulture)),
        IEnumerable list => new JsonArray(list.Cast<object?>().Select(Operand).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };

    public static Result<T> Failed<T>(IReadOnlyList<Problem> problems) => new(default, problems);
}
