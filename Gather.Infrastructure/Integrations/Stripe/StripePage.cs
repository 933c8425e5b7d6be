using Gather.Infrastructure.IntegrationTasks;
using System.Text.Json;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>One page of a Stripe list or search result: its objects in Stripe's order, and whether more follow.</summary>
public sealed record StripePage<T>(IReadOnlyList<T> Data, bool HasMore)
{
    public static StripePage<T> From(JsonElement list, Func<JsonElement, T> read) =>
        new(list.GetProperty("data").EnumerateArray().Select(read).ToList(), StripeJson.Flag(list, "has_more"));
}
