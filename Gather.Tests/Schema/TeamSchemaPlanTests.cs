using Gather.Infrastructure.Models;
using Gather.Schema.Typed;

namespace Gather.Tests.Schema;

/// <summary>The naming rule of the typed schema: valid, stable GraphQL names, collisions settled in a fixed order.</summary>
public sealed class TeamSchemaPlanTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static Model Custom(string id, string name, string idField = "id") =>
        new(id, "team_1", name, ModelKind.Custom, idField, [], T0, T0);

    private static ModelField Seen(string path, ValueKind kind) => new(path, null, [new FieldStatistic(path, kind, 1)]);

    [Fact]
    public void Names_become_valid_graphql_names_and_collisions_get_numbered_in_a_fixed_order()
    {
        var models = new[]
        {
            Custom("m1", "orders"), Custom("m2", "Record"), Custom("m3", "2024 invoices"), Custom("m4", "Orders"),
            Custom("m5", "__hidden"), Custom("m6", "Accounts", idField: "code"),
        };
        var fields = new Dictionary<string, IReadOnlyList<ModelField>>
        {
            ["m1"] = [Seen("id", ValueKind.String), Seen("created at", ValueKind.String), Seen("created_at", ValueKind.Int), Seen("createdAt", ValueKind.String),
                new ModelField("amount", null, [new FieldStatistic("amount", ValueKind.Int, 2), new FieldStatistic("amount", ValueKind.Float, 1)]),
                Seen("address.city", ValueKind.String), Seen("tags", ValueKind.Array)],
            ["m6"] = [Seen("code", ValueKind.String), Seen("id", ValueKind.String)],
        };

        var plan = TeamSchemaPlan.Build(models, fields, [], [], new HashSet<string> { "Record", "Query" }, new HashSet<string> { "records", "accounts" });
        var again = TeamSchemaPlan.Build(models.Reverse().ToArray(), fields, [], [], new HashSet<string> { "Record", "Query" }, new HashSet<string> { "records", "accounts" });

        // Names that already are what they ask for claim first (Accounts, Orders, Record), then the others by their original name.
        Assert.Equal(
            ["Accounts", "Orders", "Record_2", "_2024Invoices", "X__hidden", "Orders_2"],
            plan.Models.Select(m => m.TypeName));
        Assert.Equal(["accounts_2", "orders", "record_2", "_2024Invoices", "x__hidden", "orders_2"], plan.Models.Select(m => m.ListField));
        var orders = plan.Models.Single(m => m.Model.Id == "m4");
        Assert.Equal("ordersById", orders.ByIdField);
        var lower = plan.Models.Single(m => m.Model.Id == "m1");
        // `created_at` is already a GraphQL name and keeps it; `createdAt` is the record's own time, so the synced one is
        // `createdAt_2`, and "created at" (camel-cased to createdAt) comes after them. Listed by path. The ID field is `id`
        // itself; nested paths stay inside their parent.
        Assert.Equal([("amount", FieldType.Float), ("createdAt_3", FieldType.String), ("createdAt_2", FieldType.String), ("created_at", FieldType.Int), ("tags", FieldType.Json)],
            lower.Fields.Select(f => (f.Name, f.Type)));
        // A model keyed by another field keeps a synced `id` under another name.
        Assert.Equal(["id_2"], plan.Models.Single(m => m.Model.Id == "m6").Fields.Select(f => f.Name));
        Assert.Equal(plan.Fingerprint, again.Fingerprint);
        Assert.Equal(plan.Models.Select(m => m.TypeName), again.Models.Select(m => m.TypeName));
    }

    [Theory]
    [InlineData("placed_at", "placed_at"), InlineData("unit price", "unitPrice"), InlineData("sku-code", "skuCode"), InlineData("*", "star"),
     InlineData("+", "plus"), InlineData("a+b", "aPlusB"), InlineData("café", "cafe"), InlineData("cafe\u0301", "cafe"), InlineData("€", "u20AC"),
     InlineData("😀", "u1F600"), InlineData("2fa", "_2fa"), InlineData("__typename", "x__typename"), InlineData("ID", "id"),
     InlineData("URLPath", "urlPath"), InlineData("Plan", "plan"), InlineData("()", "u0028U0029"), InlineData("_", "_")]
    public void Field_names_follow_the_documented_rule(string sent, string expected) => Assert.Equal(expected, GraphQLNames.FieldName(sent));

    [Theory]
    [InlineData("Orders", "Orders", "orders"), InlineData("Order Lines", "OrderLines", "orderLines"), InlineData("order lines", "OrderLines", "orderLines"),
     InlineData("2024 invoices", "_2024Invoices", "_2024Invoices"), InlineData("__hidden", "X__hidden", "x__hidden"), InlineData("URLs", "URLs", "urLs")]
    public void Type_names_and_root_fields_follow_the_documented_rule(string sent, string type, string rootField)
    {
        Assert.Equal(type, GraphQLNames.TypeName(sent));
        Assert.Equal(rootField, GraphQLNames.LowerFirst(GraphQLNames.TypeName(sent)));
    }

    [Fact]
    public void A_taken_name_gets_the_first_free_number_and_a_model_claims_its_derived_types_with_it()
    {
        var taken = new HashSet<string> { "_", "AccountsConnection", "Orders" };

        Assert.Equal("_2", GraphQLNames.Claim("_", taken));
        Assert.Equal("Accounts_2", GraphQLNames.Claim("Accounts", taken, "", "Connection"));
        Assert.Equal("Orders_2", GraphQLNames.Claim("Orders", taken, "", "Connection"));
        Assert.Contains("Accounts_2Connection", taken);
    }
}
