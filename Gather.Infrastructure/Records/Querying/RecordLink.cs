namespace Gather.Infrastructure.Records.Querying;

/// <summary>
/// Which records a relationship reaches: those whose <see cref="Field"/> (their key when null)
/// holds one of <see cref="Values"/>, compared as <see cref="Relationships.LinkValues"/> text.
/// </summary>
public sealed record RecordLink(FieldPath? Field, IReadOnlyCollection<string> Values);
