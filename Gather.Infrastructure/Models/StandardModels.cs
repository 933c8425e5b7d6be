using System.Security.Cryptography;
using System.Text;

namespace Gather.Infrastructure.Models;

/// <summary>
/// Account and Customer, which every team has. Their ids are derived from the team id, so
/// they are stable and opaque, and creating them twice (two instances starting) is harmless.
/// </summary>
public static class StandardModels
{
    public const string Account = "Account";
    public const string Customer = "Customer";

    /// <summary>Customer's field holding its account's name (the relationship's source, later).</summary>
    public const string CustomerAccountField = "account";

    public static string IdFor(string teamId, string name) =>
        "model_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{teamId}/standard/{name}")))[..24];

    public static IReadOnlyList<Model> For(string teamId, DateTimeOffset now) =>
    [
        new(IdFor(teamId, Account), teamId, Account, ModelKind.Standard, "name",
            [new DeclaredField("name", FieldType.String)], now, now),
        new(IdFor(teamId, Customer), teamId, Customer, ModelKind.Standard, "email",
            [new DeclaredField("email", FieldType.String), new DeclaredField(CustomerAccountField, FieldType.String)], now, now),
    ];
}
