namespace Gather.Infrastructure.Records;

/// <summary>
/// The rule every field name follows, in records, declarations, filters and ID fields. Names
/// become document keys on MongoDB and JSON path labels on SQLite, so the characters those
/// treat specially are refused rather than escaped.
/// </summary>
public static class FieldNames
{
    /// <summary>The broken rule and a message, or null when <paramref name="name"/> is a valid field name.</summary>
    public static (string Rule, string Message)? Check(string name, int maxLength)
    {
        if (name.Length == 0)
            return ("required", "Field names cannot be empty.");
        if (name.Length > maxLength)
            return ("maxLength", $"Field names may be at most {maxLength} characters.");
        if (name[0] == '$')
            return ("dollarPrefix", $"Field name '{Shorten(name)}' starts with '$', which is reserved.");
        if (name.Contains('.'))
            return ("dot", $"Field name '{Shorten(name)}' contains '.', which separates the parts of a field path.");
        if (name.Any(c => char.IsControl(c) || c is '"' or '\\'))
            return ("characters", $"Field name '{Shorten(name)}' contains a control character, '\"' or '\\'.");
        return null;
    }

    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
