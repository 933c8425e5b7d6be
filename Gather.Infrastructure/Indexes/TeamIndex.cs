using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Indexes;

/// <summary>One of a team's indexes as the API shows it: what it covers, who holds it, whether it is built and its size.</summary>
public sealed record TeamIndex(FieldIndex Index, FieldIndexState State)
{
    public string Id => Index.Name;
}

/// <summary>One field of a requested index, before validation.</summary>
public sealed record IndexFieldInput(string? Field, SortDirection Direction = SortDirection.Ascending);

/// <summary>
/// What <c>dropIndex</c> came to: the index as it was, and as it stands now when something still
/// holds it (<see cref="Remaining"/>; null when it was dropped), with a sentence saying which.
/// </summary>
public sealed record DroppedIndex(TeamIndex Before, TeamIndex? Remaining, string Message)
{
    public bool Dropped => Remaining is null;
}
