using System.Text.Json.Nodes;

namespace Gather.Infrastructure.Records.Querying;

/// <summary>
/// A filter as a caller wrote it (the GraphQL <c>RecordFilterInput</c>), before validation.
/// <see cref="Operators"/> lists the operators given, with their operands as JSON; an operand
/// given as null is kept (it means "eq: null").
/// </summary>
public sealed record FilterInput(
    IReadOnlyList<FilterInput>? And,
    IReadOnlyList<FilterInput>? Or,
    FilterInput? Not,
    string? Field,
    IReadOnlyList<(FilterOperator Operator, JsonNode? Operand)> Operators);

/// <summary>One sort key as a caller wrote it.</summary>
public sealed record SortInput(string? Field, SortDirection Direction);

/// <summary>Relay paging arguments as a caller wrote them.</summary>
public sealed record PageInput(int? First = null, string? After = null, int? Last = null, string? Before = null);
