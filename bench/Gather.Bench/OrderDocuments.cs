using System.Text.Json.Nodes;

namespace Gather.Bench;

/// <summary>
/// Deterministic order records of a realistic shape (scalars, a nested object, an array, free
/// text), the same on every run so the API and the adapter see identical documents.
/// </summary>
public static class OrderDocuments
{
    public const string IdField = "id";

    private static readonly string[] Statuses = ["paid", "refunded", "failed", "pending"];
    private static readonly string[] Currencies = ["usd", "eur", "gbp"];
    private static readonly string[] Words = ["renewal", "upgrade", "annual", "monthly", "seats", "support", "onboarding", "discount"];

    public static JsonObject Order(int n)
    {
        var random = new Random(n);
        return new JsonObject
        {
            ["id"] = $"ord-{n:D7}",
            ["amount"] = random.Next(1, 10_001),
            ["currency"] = Currencies[random.Next(Currencies.Length)],
            ["status"] = Statuses[random.Next(Statuses.Length)],
            ["placedAt"] = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["customer"] = new JsonObject { ["email"] = $"customer{n % 5_000}@example.com", ["name"] = $"Customer {n % 5_000}" },
            ["tags"] = new JsonArray(Words[random.Next(Words.Length)], Words[random.Next(Words.Length)]),
            ["note"] = $"{Words[random.Next(Words.Length)]} order for account {n % 400}",
        };
    }

    /// <summary>Records <c>[from, from + count)</c> as one batch.</summary>
    public static JsonArray Batch(int from, int count) => new(Enumerable.Range(from, count).Select(n => (JsonNode)Order(n)).ToArray());
}
