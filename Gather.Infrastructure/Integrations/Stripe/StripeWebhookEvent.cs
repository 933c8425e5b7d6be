using Gather.Infrastructure.IntegrationTasks;
using System.Globalization;
using System.Text.Json;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Validation;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// A Stripe event as a webhook delivers it, checked against the shape Stripe documents before
/// anything is applied: a signature proves who sent the bytes, not that they are well formed
/// (a test-mode sender or a bug can sign anything). <see cref="Read"/> refuses, naming the
/// member, what Gather's readers would otherwise throw on: a body that is not an object,
/// duplicate members, times or amounts that are fractional, negative, strings or out of range.
/// </summary>
public sealed record StripeWebhookEvent(string Id, string Type, long Created, JsonElement Object)
{
    /// <summary>Stripe's ids are about 30 characters; a longer one is not Stripe's.</summary>
    public const int MaxIdLength = 255;

    /// <summary>The last second <see cref="DateTimeOffset"/> holds (9999-12-31T23:59:59Z).</summary>
    private const long LatestTime = 253_402_300_799;

    public bool IsDispute => Type.StartsWith("charge.dispute.", StringComparison.Ordinal);

    /// <summary>The event, or null with what is wrong with it.</summary>
    public static StripeWebhookEvent? Read(ReadOnlySpan<byte> body, out string? problem)
    {
        problem = JsonTextCheck.Problem(body, "The webhook body");
        if (problem is not null)
            return null;
        // Deserialized rather than parsed: the event's charge is kept, so it must outlive any document.
        var root = JsonSerializer.Deserialize<JsonElement>(body);
        if (root.ValueKind != JsonValueKind.Object)
            return Refuse(out problem, $"The webhook body must be a Stripe event object; it is {Kind(root)}.");
        if (StripeJson.OptionalText(root, "id") is not { Length: > 0 and <= MaxIdLength } id)
            return Refuse(out problem, $"The event's `id` must be a string of 1 to {MaxIdLength} characters.");
        if (StripeJson.OptionalText(root, "type") is not { Length: > 0 and <= MaxIdLength } type)
            return Refuse(out problem, $"The event's `type` must be a string of 1 to {MaxIdLength} characters.");
        if (TimeProblem(root, "created", required: true) is { } badTime)
            return Refuse(out problem, $"The event's {badTime}");
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("object", out var obj) || obj.ValueKind != JsonValueKind.Object)
            return Refuse(out problem, "The event's `data.object` must be an object.");
        var stripeEvent = new StripeWebhookEvent(id, type, root.GetProperty("created").GetInt64(), obj);
        if (!StripeWebhooks.ChargeEvents.Contains(type))
            return stripeEvent;
        if (stripeEvent.IsDispute)
            return StripeJson.ExpandableId(obj, "charge") is { Length: > 0 }
                ? stripeEvent
                : Refuse(out problem, "A dispute event's `data.object.charge` must name a charge.");
        return ChargeProblem(obj) is { } badCharge ? Refuse(out problem, $"The event's charge (`data.object`) {badCharge}") : stripeEvent;
    }

    /// <summary>Null when <see cref="StripeCharge.From"/> can read <paramref name="charge"/>; otherwise what is wrong, as the end of a sentence.</summary>
    public static string? ChargeProblem(JsonElement charge)
    {
        foreach (var name in (string[])["id", "currency", "status"])
            if (StripeJson.OptionalText(charge, name) is not { Length: > 0 })
                return $"needs `{name}` as a non-empty string.";
        foreach (var name in (string[])["amount", "amount_captured", "amount_refunded"])
            if (charge.TryGetProperty(name, out var amount) && !(amount.ValueKind == JsonValueKind.Number && amount.TryGetInt64(out var cents) && cents >= 0))
                return $"has `{name}` {Shown(amount)}; an amount is a whole, non-negative number of the currency's smallest unit.";
        return TimeProblem(charge, "created", required: false);
    }

    private static string? TimeProblem(JsonElement obj, string name, bool required)
    {
        if (!obj.TryGetProperty(name, out var time))
            return required ? $"`{name}` is missing; it is a Unix time in seconds." : null;
        return time.ValueKind == JsonValueKind.Number && time.TryGetInt64(out var seconds) && seconds is > 0 and <= LatestTime
            ? null
            : $"`{name}` is {Shown(time)}; it must be a Unix time in whole seconds from 1 to {LatestTime.ToString(CultureInfo.InvariantCulture)}.";
    }

    private static string Shown(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 40 ? raw[..40] + "…" : raw;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "true or false",
    };

    private static StripeWebhookEvent? Refuse(out string? problem, string message)
    {
        problem = message;
        return null;
    }
}
