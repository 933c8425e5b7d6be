using Gather.Infrastructure.IntegrationTasks;
using System.Security.Cryptography;
using System.Text;
using Gather.Infrastructure.Models;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// The integration models a Stripe connection brings: StripeCharge and StripeCustomer, keyed by
/// Stripe's id. They appear among the team's models while Stripe is connected; their data is
/// read from Stripe on demand and never synced or stored. Ids derive from the team, like the
/// standard models', so connecting again gives the same ids (and relationships to them survive).
/// </summary>
public static class StripeModels
{
    public const string Charge = "StripeCharge";
    public const string Customer = "StripeCustomer";

    public static string IdFor(string teamId, string name) =>
        "model_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{teamId}/stripe/{name}")))[..24];

    public static IReadOnlyList<Model> For(string teamId, DateTimeOffset now) =>
    [
        new(IdFor(teamId, Charge), teamId, Charge, ModelKind.Integration, "id", [new DeclaredField("id", FieldType.String)], now, now),
        new(IdFor(teamId, Customer), teamId, Customer, ModelKind.Integration, "id", [new DeclaredField("id", FieldType.String)], now, now),
    ];
}
