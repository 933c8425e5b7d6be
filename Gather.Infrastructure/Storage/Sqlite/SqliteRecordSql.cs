using System.Text;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Translates record filters, search terms, orders and cursors into SQL over the JSON in
/// <c>records.data</c>, with every value bound as a parameter. <c>json_type</c> guards each
/// comparison so types never mix, reproducing MongoDB's comparison rules (see
/// <see cref="RecordFilter"/> and <see cref="RecordSort"/>). Paths are inlined as literals so an
/// expression index on <c>json_extract(data, '$."field"')</c> can serve them.
/// </summary>
internal sealed class SqliteRecordSql
{
    private readonly List<(string Name, object? Value)> _parameters = [];

    public IReadOnlyList<(string Name, object? Value)> Parameters => _parameters;

    public string Bind(object? value)
    {
        var name = $"$p{_parameters.Count}";
        _parameters.Add((name, value));
        return name;
    }

    /// <summary>
    /// A team or model id written into SQL as a literal (where a partial index's condition must be
    /// matched by the query's own text): quotes doubled, and refused outright for what no id holds.
    /// </summary>
    internal static string IdLiteral(string value) =>
        value.Length == 0 || value.Length > 200 || value.Any(char.IsControl)
            ? throw new ArgumentException($"'{value}' cannot name a team or a model in an index.", nameof(value))
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The SQL JSON path of a field path: every label quoted; names never hold quotes or backslashes.</summary>
    public static string JsonPath(FieldPath path) =>
        "'$" + string.Concat(path.Segments.Select(s => $".\"{s.Replace("'", "''")}\"")) + "'";

    /// <summary>The column a path reads: <c>linked</c> for attached data (<see cref="AttachedData"/>), else <c>data</c>.</summary>
    public static string ColumnOf(FieldPath path) => AttachedData.IsAttached(path) ? "linked" : "data";

    public static string TypeOf(FieldPath path) => $"coalesce(json_type({ColumnOf(path)}, {JsonPath(path)}), 'missing')";

    public static string ValueOf(FieldPath path) => $"json_extract({ColumnOf(path)}, {JsonPath(path)})";

    public string Filter(RecordFilter filter) => filter switch
    {
        AllOf all => all.Filters.Count == 0 ? "1" : "(" + string.Join(" AND ", all.Filters.Select(Filter)) + ")",
        AnyOf any => any.Filters.Count == 0 ? "0" : "(" + string.Join(" OR ", any.Filters.Select(Filter)) + ")",
        NotFilter not => $"(NOT {Filter(not.Filter)})",
        FieldFilter field => Field(field),
        _ => throw new NotSupportedException(filter.GetType().Name),
    };

    /// <summary>
    /// Every term inside the record's folded text or its attached data's: the trigram index names
    /// the candidates (<see cref="SqliteSearchSql"/>), the exact test decides.
    /// </summary>
    public string Search(string teamId, string modelId, IReadOnlyList<string> terms)
    {
        var exact = terms.Select(t => Bind(t)).Select(t => $"(instr(search, {t}) > 0 OR instr(linked_search, {t}) > 0)");
        return string.Join(" AND ", SqliteSearchSql.Candidates(this, teamId, modelId, terms) is { } candidates ? exact.Prepend(candidates) : exact);
    }

    private string Field(FieldFilter filter)
    {
        var path = filter.Path;
        switch (filter.Operator)
        {
            case FilterOperator.Exists:
                return (bool)filter.Value.Value! ? $"({TypeOf(path)} <> 'missing')" : $"({TypeOf(path)} = 'missing')";
            case FilterOperator.Neq:
                return $"(NOT {Field(filter with { Operator = FilterOperator.Eq })})";
            case FilterOperator.Nin:
                return $"(NOT {Field(filter with { Operator = FilterOperator.In })})";
            case FilterOperator.NContains:
                return $"(NOT {Field(filter with { Operator = FilterOperator.Contains })})";
        }
        // The field's own value, or (like MongoDB) any element when the field holds an array.
        var own = ValuePredicate(filter, TypeOf(path), ValueOf(path), canBeMissing: true);
        var element = ValuePredicate(filter, "e.type", "e.value", canBeMissing: false);
        return $"({own} OR ({TypeOf(path)} = 'array' AND EXISTS (SELECT 1 FROM json_each({ColumnOf(path)}, {JsonPath(path)}) AS e WHERE {element})))";
    }

    private string ValuePredicate(FieldFilter filter, string type, string value, bool canBeMissing) => filter.Operator switch
    {
        FilterOperator.Eq => EqualTo(filter.Value, type, value, canBeMissing),
        FilterOperator.In => OneOf(filter.Values, type, value, canBeMissing),
        FilterOperator.Gt => Compare(filter.Value, ">", type, value),
        FilterOperator.Gte => Compare(filter.Value, ">=", type, value),
        FilterOperator.Lt => Compare(filter.Value, "<", type, value),
        FilterOperator.Lte => Compare(filter.Value, "<=", type, value),
        FilterOperator.Contains => Text("gather_icontains", filter.Value, type, value),
        FilterOperator.StartsWith => Text("gather_istarts", filter.Value, type, value),
        FilterOperator.EndsWith => Text("gather_iends", filter.Value, type, value),
        _ => throw new NotSupportedException(filter.Operator.ToString()),
    };

    private string EqualTo(Scalar operand, string type, string value, bool canBeMissing) => operand.Kind switch
    {
        ScalarKind.Null => canBeMissing ? $"{type} IN ('null', 'missing')" : $"{type} = 'null'",
        ScalarKind.Boolean => (bool)operand.Value! ? $"{type} = 'true'" : $"{type} = 'false'",
        ScalarKind.Number => $"({type} IN ('integer', 'real') AND {value} = {Bind(operand.Value)})",
        _ => $"({type} = 'text' AND {value} = {Bind(operand.Value)})",
    };

    /// <summary>
    /// <c>in</c>: the numbers and the strings are each bound as one JSON array and read with
    /// <c>json_each</c>, so a list of any length is two parameters and one set lookup (an OR
    /// per value reaches SQLite's expression-depth limit near 500 values). Null and booleans
    /// are type tests. An empty list matches nothing, as MongoDB's <c>$in: []</c> does.
    /// </summary>
    private string OneOf(IReadOnlyList<Scalar> values, string type, string value, bool canBeMissing)
    {
        var alternatives = values.Where(v => v.Kind is ScalarKind.Null or ScalarKind.Boolean).Distinct()
            .Select(v => EqualTo(v, type, value, canBeMissing)).ToList();
        if (JsonList(values, ScalarKind.Number) is { } numbers)
            alternatives.Add($"({type} IN ('integer', 'real') AND {value} IN (SELECT v.value FROM json_each({Bind(numbers)}) AS v))");
        if (JsonList(values, ScalarKind.String) is { } strings)
            alternatives.Add($"({type} = 'text' AND {value} IN (SELECT v.value FROM json_each({Bind(strings)}) AS v))");
        return alternatives.Count == 0 ? "0" : "(" + string.Join(" OR ", alternatives) + ")";
    }

    /// <summary>The values of one kind as a JSON array, or null when there are none.</summary>
    private static string? JsonList(IReadOnlyList<Scalar> values, ScalarKind kind)
    {
        var ofKind = values.Where(v => v.Kind == kind).Select(v => v.ToJson()).ToArray();
        return ofKind.Length == 0 ? null : new JsonArray(ofKind).ToJsonString();
    }

    private string Compare(Scalar operand, string op, string type, string value) => operand.Kind switch
    {
        ScalarKind.Number => $"({type} IN ('integer', 'real') AND {value} {op} {Bind(operand.Value)})",
        ScalarKind.String => $"({type} = 'text' AND {value} {op} {Bind(operand.Value)})",
        _ => throw new NotSupportedException($"Ordering comparisons take numbers or strings, not {operand.Kind}."),
    };

    // Both sides reach the function as bytes: as text, SQLite hands a function its C string,
    // which ends at the first NUL character ("a\0b" would arrive as "a").
    private string Text(string function, Scalar operand, string type, string value) =>
        $"({type} = 'text' AND {function}(CAST({value} AS BLOB), CAST({Bind(SearchText.Fold((string)operand.Value!))} AS BLOB)))";

    // Sorting: each key orders by a type rank (null and missing, numbers, strings, booleans),
    // then by value within the rank, as MongoDB does; objects and arrays rank as null.

    public static string SortRank(FieldPath path) =>
        $"(CASE {TypeOf(path)} WHEN 'integer' THEN 1 WHEN 'real' THEN 1 WHEN 'text' THEN 2 WHEN 'false' THEN 3 WHEN 'true' THEN 3 ELSE 0 END)";

    public static string SortValue(FieldPath path) =>
        $"(CASE WHEN {TypeOf(path)} IN ('integer', 'real', 'text', 'false', 'true') THEN {ValueOf(path)} END)";

    public static int RankOf(Scalar value) => value.Kind switch
    {
        ScalarKind.Number => 1,
        ScalarKind.String => 2,
        ScalarKind.Boolean => 3,
        _ => 0,
    };

    private object? SortParameter(Scalar value) => value.Value is bool b ? (b ? 1L : 0L) : value.Value;

    public static string OrderBy(IReadOnlyList<RecordSort> order, bool reverse)
    {
        var keys = new StringBuilder();
        foreach (var sort in order)
        {
            var direction = (sort.Direction == SortDirection.Descending) ^ reverse ? "DESC" : "ASC";
            keys.Append($"{SortRank(sort.Path)} {direction}, {SortValue(sort.Path)} {direction}, ");
        }
        keys.Append(reverse ? "key DESC" : "key ASC");
        return keys.ToString();
    }

    /// <summary>Rows strictly after the cursor in the (possibly reversed) order: a keyset condition over all keys.</summary>
    public string After(IReadOnlyList<RecordSort> order, RecordCursor cursor, bool reverse)
    {
        var alternatives = new List<string>();
        var equalSoFar = new List<string>();
        for (var i = 0; i < order.Count; i++)
        {
            var sort = order[i];
            var value = cursor.Values[i];
            var rank = RankOf(value);
            var descending = (sort.Direction == SortDirection.Descending) ^ reverse;
            var op = descending ? "<" : ">";
            var beyond = rank == 0
                ? $"{SortRank(sort.Path)} {op} 0"
                : $"({SortRank(sort.Path)} {op} {rank} OR ({SortRank(sort.Path)} = {rank} AND {SortValue(sort.Path)} {op} {Bind(SortParameter(value))}))";
            alternatives.Add(equalSoFar.Count == 0 ? beyond : $"({string.Join(" AND ", equalSoFar)} AND {beyond})");
            equalSoFar.Add(rank == 0
                ? $"{SortRank(sort.Path)} = 0"
                : $"({SortRank(sort.Path)} = {rank} AND {SortValue(sort.Path)} = {Bind(SortParameter(value))})");
        }
        var keyBeyond = $"key {(reverse ? "<" : ">")} {Bind(cursor.Key)}";
        alternatives.Add(equalSoFar.Count == 0 ? keyBeyond : $"({string.Join(" AND ", equalSoFar)} AND {keyBeyond})");
        return "(" + string.Join(" OR ", alternatives) + ")";
    }
}
