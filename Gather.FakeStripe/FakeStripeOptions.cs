using System.ComponentModel.DataAnnotations;

namespace Gather.FakeStripe;

/// <summary>What the fake serves (<c>FakeStripe</c> section, or <c>--FakeStripe:Customers=500</c> on the command line).</summary>
public sealed class FakeStripeOptions
{
    public const string Section = "FakeStripe";

    /// <summary>The one secret key it accepts; any other gets Stripe's 401.</summary>
    [Required, MinLength(8)]
    public string SecretKey { get; set; } = "sk_test_gather_fake_0123456789";

    [Range(0, 1_000_000)]
    public int Customers { get; set; } = 50;

    /// <summary>Charges per customer; customer <c>n</c> gets <c>n % (ChargesPerCustomer + 1)</c> … up to this many, so some have none.</summary>
    [Range(0, 1_000)]
    public int ChargesPerCustomer { get; set; } = 3;

    /// <summary>Added to every response, to measure how callers overlap their requests.</summary>
    [Range(0, 60_000)]
    public int LatencyMilliseconds { get; set; }
}
