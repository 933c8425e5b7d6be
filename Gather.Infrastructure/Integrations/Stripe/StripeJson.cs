using Gather.Infrastructure.IntegrationTasks;
using System.Text.Json;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// Reading Stripe's JSON objects with System.Text.Json. Gather reads Stripe's responses itself
/// rather than through Stripe.net's entities: Stripe.net parses every object into a Newtonsoft
/// JObject and then into its classes, which cost about 0.2 ms of CPU per charge, more than the
/// rest of a request (see the Stripe benchmark in the README).
/// </summary>
internal static class StripeJson
{
    public static string Text(JsonElement obj, string name) =>
        OptionalText(obj, name) ?? throw new JsonException($"Stripe's {Kind(obj)} has no `{name}`.");

    public static string? OptionalText(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// A whole number (Stripe's amounts and times), 0 when absent or null. Anything else is an
    /// answer Gather cannot read, reported like any other (<see cref="StripeGateway.IsFailure"/>),
    /// never an unhandled error.
    /// </summary>
    public static long Number(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number
            : throw new JsonException($"Stripe's {Kind(obj)} has a `{name}` that is not a whole number: {Clip(value.GetRawText())}.");
    }

    public static bool Flag(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static bool? OptionalFlag(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    /// <summary>A Unix timestamp, as Stripe writes times.</summary>
    public static DateTimeOffset Time(JsonElement obj, string name)
    {
        var seconds = Number(obj, name);
        return seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new JsonException($"Stripe's {Kind(obj)} has a `{name}` that is not a time: {seconds}.");
    }

    // The Unix seconds DateTimeOffset can hold.
    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds(), MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private static string Clip(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";

    /// <summary>The id of an expandable field: the id itself, or the id inside the expanded object.</summary>
    public static string? ExpandableId(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => OptionalText(value, "id"),
            _ => null,
        } : null;

    /// <summary>Stripe's metadata object (string values), an empty object when absent.</summary>
    public static JsonElement Metadata(JsonElement obj) =>
        obj.TryGetProperty("metadata", out var value) && value.ValueKind == JsonValueKind.Object ? value : EmptyObject;

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private static string Kind(JsonElement obj) => OptionalText(obj, "object") ?? "object";
}
