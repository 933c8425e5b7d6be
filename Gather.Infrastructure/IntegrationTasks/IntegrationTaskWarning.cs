using System.Globalization;

namespace Gather.Infrastructure.IntegrationTasks;

/// <summary>
/// Something a task's run finished without being able to do, shown beside its status (a run
/// with warnings still SUCCEEDED: it did all it could). <see cref="Code"/> is stable for clients.
/// </summary>
public sealed record IntegrationTaskWarning(string Code, string Message)
{
    /// <summary>The model has records, but none holds a charge id in the task's field.</summary>
    public const string NoChargeIds = "NO_CHARGE_IDS";

    /// <summary>Records hold charge ids, but Stripe knows none of them.</summary>
    public const string NothingMatched = "NOTHING_MATCHED";

    /// <summary>Some records hold charge ids Stripe does not know.</summary>
    public const string UnknownChargeIds = "UNKNOWN_CHARGE_IDS";

    /// <summary>What a Sync Stripe Charges check calls for; empty when every record with a charge id got its charge.</summary>
    public static IReadOnlyList<IntegrationTaskWarning> For(string modelName, string field, ChargeIdCheck check)
    {
        if (check.Records == 0)
            return [];
        var holding = check.Records - check.WithoutChargeId.Count;
        if (holding == 0)
            return [new(NoChargeIds, $"None of the {Count(check.Records, "record")} of {modelName} holds a charge id in '{field}', so no charge was attached. " +
                                     "Check the task's Stripe Charge ID Field (names are case-sensitive) against the model's fields.")];
        var example = check.UnknownChargeIds.Examples.FirstOrDefault() is { } first
            ? $" (e.g. '{first.ChargeId}' on record '{first.RecordId}')"
            : "";
        if (check.Matched == 0)
            return [new(NothingMatched, $"{Count(holding, "record")} of {modelName} {Holds(holding)} a charge id in '{field}', but Stripe knows none of them{example}, " +
                                        "so no charge was attached. Check that the field holds Stripe charge ids (ch_…) of the connected account, in its mode (test or live).")];
        return check.UnknownChargeIds.Count == 0
            ? []
            : [new(UnknownChargeIds, $"{Count(check.UnknownChargeIds.Count, "record")} of {modelName} {Holds(check.UnknownChargeIds.Count)} a charge id in '{field}' that Stripe does not know{example}; " +
                                     "they have no charge attached.")];
    }

    private static string Holds(long count) => count == 1 ? "holds" : "hold";

    private static string Count(long count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
