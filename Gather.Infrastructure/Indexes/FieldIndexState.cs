namespace Gather.Infrastructure.Indexes;

/// <summary>
/// How far one of a team's indexes is: built (<see cref="FieldIndexStatus.Ready"/>) or still being
/// built, and its size as the store reports it: entries and bytes, each null when the store
/// cannot tell, with <see cref="SizeUnavailable"/> saying why.
/// </summary>
public sealed record FieldIndexState(FieldIndexStatus Status, long? Entries, long? Bytes, string? SizeUnavailable);

public enum FieldIndexStatus
{
    Building,
    Ready,
}
