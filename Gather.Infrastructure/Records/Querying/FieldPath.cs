namespace Gather.Infrastructure.Records.Querying;

/// <summary>A dotted path into a record's fields, e.g. <c>address.city</c>; each part follows <see cref="FieldNames"/>.</summary>
public sealed record FieldPath(IReadOnlyList<string> Segments)
{
    public override string ToString() => string.Join('.', Segments);

    public static FieldPath? TryParse(string? text, int maxSegments, int maxNameLength, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            problem = "A field path is required, e.g. \"amount\" or \"address.city\".";
            return null;
        }
        var segments = text.Split('.');
        if (segments.Length > maxSegments)
        {
            problem = $"The path '{text}' has more than {maxSegments} parts.";
            return null;
        }
        foreach (var segment in segments)
        {
            if (FieldNames.Check(segment, maxNameLength) is { } broken)
            {
                problem = $"The path '{text}' is not valid: {broken.Message}";
                return null;
            }
        }
        return new FieldPath(segments);
    }

    public bool Equals(FieldPath? other) => other is not null && Segments.SequenceEqual(other.Segments);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
