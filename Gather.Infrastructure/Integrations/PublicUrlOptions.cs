using System.ComponentModel.DataAnnotations;

namespace Gather.Infrastructure.Integrations;

/// <summary>
/// Where the internet reaches this Gather (<c>Gather:PublicUrl</c>, e.g. https://gather.example.com).
/// Without it, Stripe cannot deliver webhooks, and tasks rely on their periodic reconcile.
/// </summary>
public sealed class PublicUrlOptions
{
    public const string Section = "Gather";

    [Url]
    public string? PublicUrl { get; set; }
}
