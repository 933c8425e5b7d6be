using System.Text.Json.Nodes;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Views;

/// <summary>
/// A saved way to explore a model: the columns to show (field paths, which may go through a
/// relationship, e.g. <c>account.plan</c>, or into data an integration attached, e.g.
/// <c>stripeCharge.status</c>), a filter always applied, and a default order.
/// </summary>
public sealed record View(
    string Id,
    string TeamId,
    string Name,
    string ModelId,
    IReadOnlyList<string> Columns,
    JsonObject? Where,
    IReadOnlyList<SortInput> Order,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>What names are compared by: unique per team, so <c>Orders</c> and <c>orders</c> are one view.</summary>
    public static string NameKey(string name) => name.Trim().ToLowerInvariant();
}
