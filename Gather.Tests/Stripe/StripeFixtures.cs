using System.Text.Json.Nodes;

namespace Gather.Tests.Stripe;

/// <summary>
/// Stripe's published fixture objects, read at run time from <c>../shared/stripe/fixtures.json</c>
/// (or <c>GATHER_STRIPE_FIXTURES</c>); they are never copied into the repository.
/// </summary>
public static class StripeFixtures
{
    public const string EnvironmentVariable = "GATHER_STRIPE_FIXTURES";

    private static readonly Lazy<JsonObject?> Loaded = new(Load);

    public static JsonObject? All => Loaded.Value;

    public static string SkipReason =>
        $"Stripe's fixtures were not found: set {EnvironmentVariable} or place the shared folder (shared/stripe/fixtures.json) beside the repository.";

    private static JsonObject? Load()
    {
        var path = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : Find();
        return path is not null && File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : null;
    }

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "stripe", "fixtures.json");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    /// <summary>
    /// Where <paramref name="ours"/> lacks a field of <paramref name="stripes"/> or gives it another
    /// JSON type. A field Stripe shows as null is nullable, so any value (or null) fits it.
    /// </summary>
    public static List<string> Differences(JsonNode? stripes, JsonNode? ours, string path = "")
    {
        var differences = new List<string>();
        switch (stripes)
        {
            case null:
                break;
            case JsonObject expected when ours is JsonObject actual:
                foreach (var (name, value) in expected)
                {
                    if (!actual.ContainsKey(name))
                        differences.Add($"{path}.{name}: missing");
                    else
                        differences.AddRange(Differences(value, actual[name], $"{path}.{name}"));
                }
                break;
            case JsonArray expected when ours is JsonArray actual:
                if (expected.Count > 0 && actual.Count > 0)
                    differences.AddRange(Differences(expected[0], actual[0], $"{path}[0]"));
                break;
            case JsonValue expected when ours is JsonValue actual && expected.GetValueKind() is var kind
                                         && (kind == actual.GetValueKind() || IsBoolean(kind) && IsBoolean(actual.GetValueKind())):
                break;
            default:
                differences.Add($"{path}: Stripe has {Describe(stripes)}, the fake {Describe(ours)}");
                break;
        }
        return differences;
    }

    private static bool IsBoolean(System.Text.Json.JsonValueKind kind) => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False;

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "?",
    };
}
