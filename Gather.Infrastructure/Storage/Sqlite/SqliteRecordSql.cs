using System.Text;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Translates record filters, search terms, orders and cursors into SQL over the JSON in
/// <c>records.data</c>, with every value bound as a parameter. Every comparison, every sort key
/// and every cursor bound is written over two expressions per field, its <see cref="Rank"/> (the
/// type's place in Gather's order: missing/null/object/array, numbers, strings, booleans) and its
/// <see cref="Value"/> (never NULL), so that types never mix, as on MongoDB, and one index on
/// <c>(team_id, model_id, rank, value, key)</c> (<see cref="SqliteFieldIndexStore"/>) serves
/// equality, ranges, the sort and paging after a cursor. Paths are inlined as literals, as an
/// index's expressions must match the query's.
/// </summary>
internal sealed class SqliteRecordSql
{
    private readonly List<(string Name, object? Value)> _parameters = [];
    private readonly Func<FieldPath, bool> _arrayPaths;

    /// <param name="arrayPaths">
    /// Whether a path may hold arrays in the model queried (its catalogue has seen one there), so
    /// that its comparisons must also look at the elements; by default every path may.
    /// </param>
    public SqliteRecordSql(Func<FieldPath, bool>? arrayPaths = null) => _arrayPaths = arrayPaths ?? (_ => true);

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
        CanBeLiteral(value)
            ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'"
            : throw new ArgumentException($"'{value}' cannot name a team or a model in an index.", nameof(value));

    /// <summary>A team or model id in a query: a literal as in the indexes' WHERE when it can be one, else bound.</summary>
    public string Id(string value) => CanBeLiteral(value) ? IdLiteral(value) : Bind(value);

    private static bool CanBeLiteral(string value) => value.Length is > 0 and <= 200 && !value.Any(char.IsControl);

    /// <summary>The SQL JSON path of a field path: every label quoted; names never hold quotes or backslashes.</summary>
    public static string JsonPath(FieldPath path) =>
        "'$" + string.Concat(path.Segments.Select(s => $".\"{s.Replace("'", "''")}\"")) + "'";

    /// <summary>The column a path reads: <c>linked</c> for attached data (<see cref="AttachedData"/>), else <c>data</c>.</summary>
    public static string ColumnOf(FieldPath path) => AttachedData.IsAttached(path) ? "linked" : "data";

    /// <summary>The JSON type at the path (<c>json_type</c>): NULL when the field is missing.</summary>
    public static string TypeOf(FieldPath path) => $"json_type({ColumnOf(path)}, {JsonPath(path)})";

    public static string ValueOf(FieldPath path) => $"json_extract({ColumnOf(path)}, {JsonPath(path)})";

    /// <summary>The field's rank in Gather's order: 0 missing, null, object or array; 1 numbers; 2 strings; 3 booleans.</summary>
    public static string Rank(FieldPath path) => RankOfType(TypeOf(path));

    /// <summary>The field's value within its rank: the number or string, 1 or 0 for booleans, 0 for rank 0 (never NULL, so row values compare).</summary>
    public static string Value(FieldPath path) => ValueOfType(TypeOf(path), ValueOf(path));

    private static string RankOfType(string type) =>
        $"(CASE {type} WHEN 'integer' THEN 1 WHEN 'real' THEN 1 WHEN 'text' THEN 2 WHEN 'true' THEN 3 WHEN 'false' THEN 3 ELSE 0 END)";

    private static string ValueOfType(string type, string value) =>
        $"(CASE WHEN {type} IN ('integer', 'real', 'text') THEN {value} WHEN {type} = 'true' THEN 1 ELSE 0 END)";

    public string Filter(RecordFilter filter) => filter switch
    {
        AllOf all => all.Filters.Count == 0 ? "1" : "(" + string.Join(" AND ", all.Filters.Select(Filter)) + ")",
        AnyOf any => any.Filters.Count == 0 ? "0" : "(" + string.Join(" OR ", any.Filters.Select(Filter)) + ")",
        NotFilter not => $"(NOT {Filter(not.Filter)})",
        FieldFilter field => Field(field),
        _ => throw new NotSupportedException(filter.GetType().Name),
    };

    public string Search(IReadOnlyList<string> terms) =>
        string.Join(" AND ", terms.Select(t => Bind(t)).Select(t => $"(instr(search, {t}) > 0 OR instr(linked_search, {t}) > 0)"));

    private string Field(FieldFilter filter)
    {
        var path = filter.Path;
        switch (filter.Operator)
        {
            case FilterOperator.Exists:
                return (bool)filter.Value.Value! ? $"({TypeOf(path)} IS NOT NULL)" : $"({TypeOf(path)} IS NULL)";
            case FilterOperator.Neq:
                return $"(NOT {Field(filter with { Operator = FilterOperator.Eq })})";
            case FilterOperator.Nin:
                return $"(NOT {Field(filter with { Operator = FilterOperator.In })})";
            case FilterOperator.NContains:
                return $"(NOT {Field(filter with { Operator = FilterOperator.Contains })})";
        }
        var own = ValuePredicate(filter, new Operand(Rank(path), Value(path), TypeOf(path), CanBeMissing: true));
        if (!_arrayPaths(path))
            return own;
        // Like MongoDB, a field holding an array matches when any element does. Only for paths the
        // model's catalogue has seen arrays at: the OR would keep an index from serving the rest.
        var element = ValuePredicate(filter, new Operand(RankOfType("e.type"), ValueOfType("e.type", "e.value"), "e.type", CanBeMissing: false));
        return $"({own} OR ({TypeOf(path)} IS 'array' AND EXISTS (SELECT 1 FROM json_each({ColumnOf(path)}, {JsonPath(path)}) AS e WHERE {element})))";
    }

    /// <summary>What a predicate compares: the rank, value and JSON type expressions of a field's value or of an array element.</summary>
    private sealed record Operand(string Rank, string Value, string Type, bool CanBeMissing);

    private string ValuePredicate(FieldFilter filter, Operand operand) => filter.Operator switch
    {
        FilterOperator.Eq => EqualTo(filter.Value, operand),
        FilterOperator.In => OneOf(filter.Values, operand),
        FilterOperator.Gt => Compare(filter.Value, ">", operand),
        FilterOperator.Gte => Compare(filter.Value, ">=", operand),
        FilterOperator.Lt => Compare(filter.Value, "<", operand),
        FilterOperator.Lte => Compare(filter.Value, "<=", operand),
        FilterOperator.Contains => Text("gather_icontains", filter.Value, operand),
        FilterOperator.StartsWith => Text("gather_istarts", filter.Value, operand),
        FilterOperator.EndsWith => Text("gather_iends", filter.Value, operand),
        _ => throw new NotSupportedException(filter.Operator.ToString()),
    };

    private string EqualTo(Scalar value, Operand operand) => value.Kind switch
    {
        ScalarKind.Null => operand.CanBeMissing
            ? $"({operand.Rank} = 0 AND coalesce({operand.Type}, 'null') = 'null')"
            : $"({operand.Rank} = 0 AND {operand.Type} = 'null')",
        ScalarKind.Boolean => $"({operand.Rank} = 3 AND {operand.Value} = {((bool)value.Value! ? 1 : 0)})",
        _ => $"({operand.Rank} = {RankOf(value)} AND {operand.Value} = {Bind(value.Value)})",
    };

    /// <summary>
    /// <c>in</c>: the numbers and the strings are each bound as one JSON array and read with
    /// <c>json_each</c>, so a list of any length is two parameters and one set lookup (an OR
    /// per value reaches SQLite's expression-depth limit near 500 values). Null and booleans
    /// are type tests. An empty list matches nothing, as MongoDB's <c>$in: []</c> does.
    /// </summary>
    private string OneOf(IReadOnlyList<Scalar> values, Operand operand)
    {
        var alternatives = values.Where(v => v.Kind is ScalarKind.Null or ScalarKind.Boolean).Distinct()
            .Select(v => EqualTo(v, operand)).ToList();
        if (JsonList(values, ScalarKind.Number) is { } numbers)
            alternatives.Add($"({operand.Rank} = 1 AND {operand.Value} IN (SELECT v.value FROM json_each({Bind(numbers)}) AS v))");
        if (JsonList(values, ScalarKind.String) is { } strings)
            alternatives.Add($"({operand.Rank} = 2 AND {operand.Value} IN (SELECT v.value FROM json_each({Bind(strings)}) AS v))");
        return alternatives.Count == 0 ? "0" : "(" + string.Join(" OR ", alternatives) + ")";
    }

    /// <summary>The values of one kind as a JSON array, or null when there are none.</summary>
    private static string? JsonList(IReadOnlyList<Scalar> values, ScalarKind kind)
    {
        var ofKind = values.Where(v => v.Kind == kind).Select(v => v.ToJson()).ToArray();
        return ofKind.Length == 0 ? null : new JsonArray(ofKind).ToJsonString();
    }

    private string Compare(Scalar value, string op, Operand operand) => value.Kind switch
    {
        ScalarKind.Number or ScalarKind.String => $"({operand.Rank} = {RankOf(value)} AND {operand.Value} {op} {Bind(value.Value)})",
        _ => throw new NotSupportedException($"Ordering comparisons take numbers or strings, not {value.Kind}."),
    };

    // Both sides reach the function as bytes: as text, SQLite hands a function its C string,
    // which ends at the first NUL character ("a\0b" would arrive as "a").
    private string Text(string function, Scalar value, Operand operand) =>
        $"({operand.Rank} = 2 AND {function}(CAST({operand.Value} AS BLOB), CAST({Bind(SearchText.Fold((string)value.Value!))} AS BLOB)))";

    public static int RankOf(Scalar value) => value.Kind switch
    {
        ScalarKind.Number => 1,
        ScalarKind.String => 2,
        ScalarKind.Boolean => 3,
        _ => 0,
    };

    /// <summary>A cursor value as <see cref="Value"/> holds it: booleans as 1 or 0, rank 0 as 0.</summary>
    private string BindSortValue(Scalar value) => Bind(value.Value switch
    {
        bool b => b ? 1L : 0L,
        null => 0L,
        var v => v,
    });

    // Sorting: by each key's rank, then its value within the rank, then the record key, as on
    // MongoDB (MongoSortKeys). An index on (rank, value, key) in the same directions returns rows
    // in this order without sorting.

    public static string OrderBy(IReadOnlyList<RecordSort> order, bool reverse)
    {
        var keys = new StringBuilder();
        foreach (var sort in order)
        {
            var direction = (sort.Direction == SortDirection.Descending) ^ reverse ? "DESC" : "ASC";
            keys.Append($"{Rank(sort.Path)} {direction}, {Value(sort.Path)} {direction}, ");
        }
        keys.Append(reverse ? "key DESC" : "key ASC");
        return keys.ToString();
    }

    /// <summary>
    /// Rows strictly after the cursor in the (possibly reversed) order: a keyset condition over all
    /// keys, led by a row-value bound on the first key's (rank, value) that an index seeks to, so
    /// a later page starts where the last one ended instead of stepping over the rows before it.
    /// </summary>
    public string After(IReadOnlyList<RecordSort> order, RecordCursor cursor, bool reverse)
    {
        var alternatives = new List<string>();
        var equalSoFar = new List<string>();
        string? seek = null;
        for (var i = 0; i < order.Count; i++)
        {
            var (rank, value) = (Rank(order[i].Path), Value(order[i].Path));
            var cursorRank = RankOf(cursor.Values[i]);
            var op = (order[i].Direction == SortDirection.Descending) ^ reverse ? "<" : ">";
            seek ??= $"({rank}, {value}) {op}= ({cursorRank}, {BindSortValue(cursor.Values[i])})";
            var beyond = $"({rank} {op} {cursorRank} OR ({rank} = {cursorRank} AND {value} {op} {BindSortValue(cursor.Values[i])}))";
            alternatives.Add(equalSoFar.Count == 0 ? beyond : $"({string.Join(" AND ", equalSoFar)} AND {beyond})");
            equalSoFar.Add($"({rank} = {cursorRank} AND {value} = {BindSortValue(cursor.Values[i])})");
        }
        var keyBeyond = $"key {(reverse ? "<" : ">")} {Bind(cursor.Key)}";
        alternatives.Add(equalSoFar.Count == 0 ? keyBeyond : $"({string.Join(" AND ", equalSoFar)} AND {keyBeyond})");
        var keyset = "(" + string.Join(" OR ", alternatives) + ")";
        return seek is null ? keyset : $"({seek} AND {keyset})";
    }
}
