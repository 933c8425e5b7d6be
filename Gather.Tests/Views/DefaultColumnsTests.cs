using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Views;

namespace Gather.Tests.Views;

/// <summary>Column labels people read, and the default columns' order and bound.</summary>
public sealed class DefaultColumnsTests
{
    [Theory]
    [InlineData("amount", "Amount")]
    [InlineData("stripe_charge_id", "Stripe charge ID")]
    [InlineData("amountRefunded", "Amount refunded")]
    [InlineData("receiptUrl", "Receipt URL")]
    [InlineData("stripeCharge.status", "Stripe charge · Status")]
    [InlineData("account.plan", "Account · Plan")]
    [InlineData("HTTPStatus", "HTTP status")]
    [InlineData("order-lines", "Order lines")]
    [InlineData("line2", "Line2")]
    [InlineData("_", "_")]
    public void A_path_is_labelled_in_words_part_by_part(string path, string label) =>
        Assert.Equal(label, ColumnLabels.For(path));

    [Fact]
    public void The_id_field_comes_first_then_the_catalogue_then_the_attached_fields_and_a_narrow_bound_keeps_the_charge()
    {
        var model = new Model("model_1", "team_1", "Orders", ModelKind.Custom, "id", [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var fields = new[] { "address", "address.city", "amount", "id", "status" }
            .Select(p => new ModelField(p, null, [new FieldStatistic(p, ValueKind.String, 1)])).ToList();

        var wide = DefaultColumns.For(model, fields, [AttachedData.StripeCharge], maxColumns: 50);
        var narrow = DefaultColumns.For(model, fields, [AttachedData.StripeCharge], maxColumns: 18);

        Assert.Equal(["id", "address", "amount", "status", "stripeCharge.id", "stripeCharge.amount"], wide.Take(6).Select(c => c.Path));
        Assert.Equal(4 + DefaultColumns.FieldsOf(AttachedData.StripeCharge).Count, wide.Count);
        Assert.Equal(FieldType.Int, wide.Single(c => c.Path == "stripeCharge.amount").Type);
        Assert.Equal(18, narrow.Count);
        Assert.Equal(["id", "address", "stripeCharge.id"], narrow.Take(3).Select(c => c.Path));
        Assert.DoesNotContain(DefaultColumns.For(model, fields, [], maxColumns: 50), c => c.Path.StartsWith("stripeCharge", StringComparison.Ordinal));
    }
}
