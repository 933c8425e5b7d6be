using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Relationships;

namespace Gather.Tests.Models;

/// <summary>Which paths a model knows, and which operands suit a field's type, without a server.</summary>
public sealed class ModelPathsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static Model Orders(params DeclaredField[] declared) => new("model_orders", "team_1", "Orders", ModelKind.Custom, "id", declared, Now, Now);

    private static ModelField Seen(string path, ValueKind kind, long count = 1) => new(path, null, [new FieldStatistic(path, kind, count)]);

    private static FieldPath Path(string text) => new(text.Split('.'));

    private static ModelPaths SyncedOrders() => ModelPaths.For(Orders(new DeclaredField("meta", FieldType.Json)),
        [Seen("amount", ValueKind.Int), Seen("status", ValueKind.String), Seen("address", ValueKind.Object), Seen("address.city", ValueKind.String),
         new ModelField("meta", FieldType.Json, [])]);

    [Theory]
    [InlineData("id")]
    [InlineData("amount")]
    [InlineData("address")]
    [InlineData("address.city")]
    [InlineData("meta.anything.below")]
    [InlineData("stripeCharge")]
    [InlineData("stripeCharge.status")]
    [InlineData("stripeCharge.metadata.plan")]
    public void Catalogue_paths_the_id_field_attached_data_and_paths_below_declared_json_are_known(string path) =>
        Assert.Null(SyncedOrders().CheckField("where.field", Path(path)));

    [Theory]
    [InlineData("amout", "amount")]
    [InlineData("address.cty", "address.city")]
    [InlineData("stripeCharge.stauts", "stripeCharge.status")]
    [InlineData("stripeCharge.status.deeper", null)]
    [InlineData("amount.cents", null)]
    public void Other_paths_are_unknown_with_the_closest_known_one(string path, string? suggestion)
    {
        var problem = SyncedOrders().CheckField("order[0].field", Path(path));

        Assert.NotNull(problem);
        Assert.Equal(("order[0].field", "unknownField", suggestion), (problem!.Field, problem.Rule, problem.Suggestion));
        Assert.StartsWith($"Orders has no field '{path}'.", problem.Message);
    }

    [Fact]
    public void A_model_nothing_was_synced_into_knows_every_path_but_still_types_its_declared_fields()
    {
        var paths = ModelPaths.For(Orders(new DeclaredField("amount", FieldType.Int)), [new ModelField("amount", FieldType.Int, [])]);

        Assert.False(paths.Checked);
        Assert.Null(paths.CheckField("where.field", Path("amout")));
        Assert.Null(paths.CheckOwnField("fromField", Path("whatever")));
        Assert.Equal(FieldType.Int, paths.TypeOf(Path("amount")));
    }

    [Fact]
    public void Own_fields_exclude_attached_data()
    {
        var problem = SyncedOrders().CheckOwnField("fromField", Path("stripeCharge.customer"));

        Assert.Equal("reserved", problem?.Rule);
    }

    [Fact]
    public void Columns_go_through_relationships_to_one_record_and_not_to_many()
    {
        var customer = new Model("model_customer", "team_1", "Customer", ModelKind.Standard, "email", [], Now, Now);
        var toOne = new Relationship("rel_1", "team_1", "customer", "orders", "model_orders", "customer", "model_customer", "email", RelationshipKind.Custom, Now);
        var toMany = new Relationship("rel_2", "team_1", "lines", "order", "model_orders", "id", "model_lines", "orderId", RelationshipKind.Custom, Now);
        var lines = new Model("model_lines", "team_1", "Lines", ModelKind.Custom, "id", [], Now, Now);
        var customerPaths = ModelPaths.For(customer, [Seen("email", ValueKind.String), Seen("account", ValueKind.String)]);
        var paths = ModelPaths.For(Orders(), [Seen("amount", ValueKind.Int), Seen("customer", ValueKind.String)],
        [
            new PathThrough(toOne.SidesFrom("model_orders").Single(), customer, customerPaths),
            new PathThrough(toMany.SidesFrom("model_orders").Single(), lines, ModelPaths.For(lines, [Seen("sku", ValueKind.String)])),
        ]);

        Assert.Null(paths.CheckColumn("columns[0]", Path("customer")));
        Assert.Null(paths.CheckColumn("columns[0]", Path("customer.account")));
        Assert.Equal(("unknownField", "customer.account"), Pair(paths.CheckColumn("columns[0]", Path("customer.acount"))));
        Assert.Equal(("unknownField", "customer.account"), Pair(paths.CheckColumn("columns[0]", Path("custome.account"))));
        Assert.Equal(("toMany", null), Pair(paths.CheckColumn("columns[0]", Path("lines.sku"))));
        // Filters do not go through relationships.
        Assert.Equal("unknownField", paths.CheckField("where.field", Path("customer.account"))?.Rule);

        static (string?, string?) Pair(Gather.Infrastructure.Validation.ValidationProblem? p) => (p?.Rule, p?.Suggestion);
    }

    [Theory]
    [InlineData(FieldType.Int, FilterOperator.Gt, "10", true)]
    [InlineData(FieldType.Int, FilterOperator.Gt, 10L, false)]
    [InlineData(FieldType.Int, FilterOperator.Eq, 10.5, false)]
    [InlineData(FieldType.Int, FilterOperator.Eq, null, false)]
    [InlineData(FieldType.Float, FilterOperator.Lte, "1.5", true)]
    [InlineData(FieldType.Int, FilterOperator.Contains, "1", true)]
    [InlineData(FieldType.String, FilterOperator.Eq, 5L, true)]
    [InlineData(FieldType.String, FilterOperator.Contains, "a", false)]
    [InlineData(FieldType.DateTime, FilterOperator.Gte, "2026-01-01", false)]
    [InlineData(FieldType.DateTime, FilterOperator.Gte, 2026L, true)]
    [InlineData(FieldType.Boolean, FilterOperator.Eq, true, false)]
    [InlineData(FieldType.Boolean, FilterOperator.Eq, "true", true)]
    [InlineData(FieldType.Boolean, FilterOperator.Gt, "a", true)]
    [InlineData(FieldType.Json, FilterOperator.Eq, "anything", false)]
    [InlineData(FieldType.Int, FilterOperator.Exists, true, false)]
    public void An_operand_must_suit_the_fields_type(FieldType type, FilterOperator op, object? operand, bool refused)
    {
        Scalar value = operand switch
        {
            null => Scalar.Null,
            string s => Scalar.Of(s),
            long l => Scalar.Of(l),
            double d => Scalar.Of(d),
            bool b => Scalar.Of(b),
            _ => throw new ArgumentException("operand"),
        };

        var problem = OperandKinds.Check("where.x", "x", Path("field"), type, op, [value], "Orders");

        Assert.Equal(refused, problem is not null);
        if (problem is not null)
        {
            Assert.Equal("type", problem.Rule);
            Assert.Contains(OperandKinds.Name(type), problem.Message);
        }
    }
}
