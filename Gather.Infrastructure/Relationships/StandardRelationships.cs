using System.Security.Cryptography;
using System.Text;
using Gather.Infrastructure.Models;

namespace Gather.Infrastructure.Relationships;

/// <summary>
/// The relationship every team has: Customer.account → Account.name, navigated as
/// <c>account</c> from a customer and <c>customers</c> from an account. Its id is derived from
/// the team id, like the standard models', so ensuring it twice is harmless.
/// </summary>
public static class StandardRelationships
{
    public const string CustomerAccount = "account";
    public const string AccountCustomers = "customers";

    public static string CustomerAccountId(string teamId) =>
        "rel_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{teamId}/standard/customer-account")))[..24];

    public static IReadOnlyList<Relationship> For(string teamId, DateTimeOffset now) =>
    [
        new(CustomerAccountId(teamId), teamId, CustomerAccount, AccountCustomers,
            StandardModels.IdFor(teamId, StandardModels.Customer), StandardModels.CustomerAccountField,
            StandardModels.IdFor(teamId, StandardModels.Account), "name", RelationshipKind.Standard, now),
    ];
}
