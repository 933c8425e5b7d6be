using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Translates record filters, search terms, orders and cursors into SQL over the JSON in
/// <c>records.data</c>, with every value bound as a parameter. Every comparison, sort key and
/// cursor bound is written over one expression per field, its <see cref="Ordered"/> value, which
/// SQLite's own ordering of storage classes puts in Gather's order (missing, null, objects and
/// arrays; then numbers; strings; booleans), so that one index on <c>(team_id, model_id,
/// ordered value, key)</c> (<see cref="SqliteFieldIndexStore"/>) serves equality, ranges, the sort
/// and paging after a cursor, and types never mix, as on MongoDB. Paths are inlined as literals,
/// as an index's expressions must match the query's.
/// </summary>
internal sealed partial class SqliteRecordSql(IReadOnlySet<FieldPath>? indexed = null)
{
    private readonly List<(string Name, object? Value)> _parameters = [];

    /// <summary>
    /// Whether an index may hold the path's ordered value, so the query should name it: when the
    /// model's indexes are not known (<paramref name="indexed"/> null), every path may.
    /// </summary>
    private bool MayBeIndexed(FieldPath path) => indexed is null || indexed.Contains(path);

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

    /// <summary>
    /// The field's value placed in Gather's order by SQLite's order of storage classes (REAL and
    /// INTEGER, then TEXT, then BLOB): missing, null, objects and arrays as <see cref="Lowest"/> (a
    /// REAL below every number a record can hold, never NULL, so cursor comparisons stay two-valued),
    /// numbers and strings as themselves, booleans as the BLOBs x'00' and x'01'.
    /// </summary>
    public static string Ordered(FieldPath path) => OrderedOf(TypeOf(path), ValueOf(path));

    private static string OrderedOf(string type, string value) =>
        $"(CASE {type} WHEN 'integer' THEN {value} WHEN 'real' THEN {value} WHEN 'text' THEN {value} " +
        $"WHEN 'true' THEN x'01' WHEN 'false' THEN x'00' ELSE {Lowest} END)";

    /// <summary>Negative infinity: records hold finite numbers only (see <see cref="ExactNumber"/>).</summary>
    private const string Lowest = "-9e999";

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
    public string Search(string table, string teamId, string modelId, IReadOnlyList<string> terms)
    {
        var exact = terms.Select(t => Bind(t)).Select(t => $"(instr(search, {t}) > 0 OR instr(linked_search, {t}) > 0)");
        return string.Join(" AND ", SqliteSearchSql.Candidates(this, table, teamId, modelId, terms) is { } candidates ? exact.Prepend(candidates) : exact);
    }

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
        var own = ValuePredicate(filter, new Operand(Ordered(path), TypeOf(path), ValueOf(path), MayBeIndexed(path)));
        if (!filter.MayHoldArrays)
            return own;
        // Like MongoDB, a field holding an array matches when any element does. Only for paths the
        // model's catalogue has seen arrays at: the OR would keep an index from serving the rest.
        var element = ValuePredicate(filter, new Operand(OrderedOf("e.type", "e.value"), "e.type", Raw: null, Seekable: false));
        return $"({own} OR ({TypeOf(path)} IS 'array' AND EXISTS (SELECT 1 FROM json_each({ColumnOf(path)}, {JsonPath(path)}) AS e WHERE {element})))";
    }

    /// <summary>
    /// What a predicate compares: the ordered value and JSON type of a field's value or of an
    /// array element. <paramref name="Raw"/> is the field's plain <c>json_extract</c> (null for an
    /// element, whose value and type are columns already): one lookup in the record's JSONB where
    /// <see cref="Ordered"/> takes two, so a scan first tests it and looks further only at the rows
    /// that pass. It is a necessary condition only: a number or a string extracts as itself, so
    /// whatever the ordered value satisfies, the plain value does too, but booleans extract as 1
    /// and 0 and objects as their JSON text. What rules those out: when an index may hold the
    /// field (<paramref name="Seekable"/>), the ordered test, which is what the index seeks, the
    /// plain one then checking the few rows it returns; when none does, the JSON type, one lookup
    /// where the ordered value takes two.
    /// </summary>
    private sealed record Operand(string Ordered, string Type, string? Raw, bool Seekable)
    {
        public bool CanBeMissing => Raw is not null;

        /// <summary>
        /// The value compared with <paramref name="bound"/> among the values of one kind, in
        /// Gather's order. <paramref name="kind"/> tests the JSON type; <paramref name="typeImplied"/>
        /// when the ordered comparison holds for that kind's values only (an equality: storage
        /// classes differ). Written either way, a missing field gives what the ordered form gives
        /// it, which matters under NOT: false where the lowest value fails the comparison
        /// (equality, greater than), else unknown (SQL's NULL).
        /// </summary>
        public string Compared(string op, string bound, ScalarKind kind, bool typeImplied)
        {
            if (Raw is not null && !Seekable)
                return $"{Raw} {op} {bound} AND {OfKind(kind, missingFails: op is "=" or ">" or ">=")}";
            var ordered = Raw is null ? $"{Ordered} {op} {bound}" : $"{Raw} {op} {bound} AND {Ordered} {op} {bound}";
            return typeImplied ? ordered : $"{ordered} AND {OfKind(kind, missingFails: false)}";
        }

        /// <summary>The test that the value is a number (integer or real) or a string; for a missing field, false or unknown.</summary>
        private string OfKind(ScalarKind kind, bool missingFails)
        {
            var type = missingFails ? $"coalesce({Type}, 'missing')" : Type;
            return kind switch
            {
                ScalarKind.Number => $"{type} IN ('integer', 'real')",
                ScalarKind.String => $"{type} = 'text'",
                _ => throw new NotSupportedException($"Ordering comparisons take numbers or strings, not {kind}."),
            };
        }
    }

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

    // A finite number or a string equals only a value of its own storage class, so equality needs
    // no type test; the index seeks it directly.
    private string EqualTo(Scalar value, Operand operand) => value.Kind switch
    {
        ScalarKind.Null => operand.CanBeMissing
            ? $"({operand.Ordered} = {Lowest} AND coalesce({operand.Type}, 'null') = 'null')"
            : $"({operand.Ordered} = {Lowest} AND {operand.Type} = 'null')",
        ScalarKind.Boolean => $"({operand.Ordered} = {((bool)value.Value! ? "x'01'" : "x'00'")})",
        _ => $"({operand.Compared("=", Bind(value.Value), value.Kind, typeImplied: true)})",
    };

    /// <summary>
    /// <c>in</c>: the numbers and strings are bound as one JSON array and read with <c>json_each</c>,
    /// which hands each back in its own storage class, so a list of any length is one parameter and
    /// one set lookup (an OR per value reaches SQLite's expression-depth limit near 500 values).
    /// Null and booleans are equalities of their own. An empty list matches nothing, as MongoDB's
    /// <c>$in: []</c> does.
    /// </summary>
    private string OneOf(IReadOnlyList<Scalar> values, Operand operand)
    {
        var alternatives = values.Where(v => v.Kind is ScalarKind.Null or ScalarKind.Boolean).Distinct()
            .Select(v => EqualTo(v, operand)).ToList();
        var listed = values.Where(v => v.Kind is ScalarKind.Number or ScalarKind.String).Select(v => v.ToJson()).ToArray();
        if (listed.Length > 0)
            alternatives.Add($"({operand.Ordered} IN (SELECT v.value FROM json_each({Bind(new JsonArray(listed).ToJsonString())}) AS v))");
        return alternatives.Count == 0 ? "0" : "(" + string.Join(" OR ", alternatives) + ")";
    }

    // The comparison bounds the index range on one side; the JSON type test that keeps other
    // types out (above a number lie strings and booleans, below it missing, null, objects and
    // arrays; around a string, numbers and booleans) is a plain condition, not a second bound, so
    // that a cursor's bound (After) on the same field stays the one the index seeks to.
    private string Compare(Scalar value, string op, Operand operand) =>
        $"({operand.Compared(op, Bind(value.Value), value.Kind, typeImplied: false)})";

    // Both sides reach the function as bytes: as text, SQLite hands a function its C string,
    // which ends at the first NUL character ("a\0b" would arrive as "a"). A text value's ordered
    // value is the value itself, so the plain one is read where there is one.
    private string Text(string function, Scalar value, Operand operand) =>
        $"({operand.Type} = 'text' AND {function}(CAST({operand.Raw ?? operand.Ordered} AS BLOB), CAST({Bind(SearchText.Fold((string)value.Value!))} AS BLOB)))";
}
