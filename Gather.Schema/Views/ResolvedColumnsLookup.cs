using Gather.Infrastructure.Validation;
using Gather.Schema.Loading;

namespace Gather.Schema.Views;

/// <summary>
/// One model's columns worked out once per request for one list of column paths, so a page of
/// records resolves them once, not per row (<see cref="ColumnResolver"/>).
/// </summary>
public sealed class ResolvedColumnsLookup(Func<Task<Result<IReadOnlyList<ResolvedColumn>>>> resolve)
    : RequestLookup<Result<IReadOnlyList<ResolvedColumn>>>(resolve);
