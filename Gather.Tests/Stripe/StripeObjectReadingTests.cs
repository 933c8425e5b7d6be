using Gather.Infrastructure.Integrations.StripeIntegration;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Integrations;
using Gather.Tests.Support;
using Stripe;

namespace Gather.Tests.Stripe;

/// <summary>
/// Gather reads Stripe's JSON itself (<see cref="StripeCharge"/>, <see cref="StripeCustomer"/>)
/// instead of through Stripe.net's entities, for speed. These tests hold it to Stripe.net's
/// reading of the same objects: Stripe's published fixtures and the fake's objects.
/// </summary>
public sealed class StripeObjectReadingTests : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripeServer.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [SkippableFact]
    public void A_fixture_charge_and_customer_read_as_Stripe_net_reads_them()
    {
        Skip.If(StripeFixtures.All is null, StripeFixtures.SkipReason);
        AssertSameCharge(StripeFixtures.All!["charge"]!.ToJsonString());
        AssertSameCustomer(StripeFixtures.All["customer"]!.ToJsonString());
    }

    [Fact]
    public async Task The_fakes_charges_and_customers_read_as_Stripe_net_reads_them()
    {
        foreach (var id in new[] { "ch_fake000000000", "ch_fake000001001", "ch_fake000005002" })
            AssertSameCharge(await GetAsync($"/v1/charges/{id}"));
        AssertSameCustomer(await GetAsync("/v1/customers/cus_fake000004"));
    }

    [Fact]
    public void Expanded_fields_give_their_id_and_absent_metadata_is_an_empty_object()
    {
        var charge = StripeCharge.From(Parse("""
            {"id":"ch_1","object":"charge","amount":500,"currency":"eur","status":"succeeded","created":1700000000,
             "customer":{"id":"cus_9","object":"customer"},"payment_intent":null}
            """));
        Assert.Equal("cus_9", charge.Customer);
        Assert.Null(charge.PaymentIntent);
        Assert.Equal("{}", charge.Metadata.GetRawText());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), charge.Created);
        Assert.Throws<JsonException>(() => StripeCharge.From(Parse("""{"object":"charge"}""")));
    }

    [Theory]
    [InlineData("\"amount\":12.5")]
    [InlineData("\"amount\":1e30")]
    [InlineData("\"amount\":\"500\"")]
    [InlineData("\"created\":99999999999999999")]
    [InlineData("\"created\":-99999999999999999")]
    public void A_malformed_number_or_time_is_an_answer_Gather_cannot_read_not_a_crash(string member)
    {
        var json = "{\"id\":\"ch_1\",\"object\":\"charge\",\"amount\":500,\"currency\":\"eur\",\"status\":\"succeeded\",\"created\":1700000000,"
            .Replace("\"" + member.Split(':')[0].Trim('"') + "\":", "\"was_" + member.Split(':')[0].Trim('"') + "\":") + member + "}";

        var error = Assert.Throws<JsonException>(() => StripeCharge.From(Parse(json)));

        Assert.True(StripeGateway.IsFailure(error, CancellationToken.None));
        Assert.Contains(member.Split(':')[0].Trim('"'), error.Message);
    }

    private async Task<string> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", FakeStripeServer.SecretKey);
        using var response = await _stripe.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static void AssertSameCharge(string json)
    {
        var theirs = StripeEntity.FromJson<Charge>(json);
        var ours = StripeCharge.From(Parse(json));
        Assert.Equal(
            (theirs.Id, theirs.Amount, theirs.AmountCaptured, theirs.AmountRefunded, theirs.Currency, theirs.Status, theirs.Paid, theirs.Refunded,
                theirs.Disputed, new DateTimeOffset(theirs.Created, TimeSpan.Zero), theirs.Description, theirs.ReceiptUrl, theirs.FailureCode,
                theirs.FailureMessage, theirs.PaymentIntentId, theirs.CustomerId),
            (ours.Id, ours.Amount, ours.AmountCaptured, ours.AmountRefunded, ours.Currency, ours.Status, ours.Paid, ours.Refunded,
                ours.Disputed, ours.Created, ours.Description, ours.ReceiptUrl, ours.FailureCode,
                ours.FailureMessage, ours.PaymentIntent, ours.Customer));
        Assert.Equal(theirs.Metadata, Metadata(ours.Metadata));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(ours.Json.GetRawText())));
    }

    private static void AssertSameCustomer(string json)
    {
        var theirs = StripeEntity.FromJson<Customer>(json);
        var ours = StripeCustomer.From(Parse(json));
        Assert.Equal(
            (theirs.Id, theirs.Email, theirs.Name, theirs.Description, theirs.Currency, theirs.Balance, theirs.Delinquent,
                new DateTimeOffset(theirs.Created, TimeSpan.Zero)),
            (ours.Id, ours.Email, ours.Name, ours.Description, ours.Currency, ours.Balance, ours.Delinquent, ours.Created));
        Assert.Equal(theirs.Metadata, Metadata(ours.Metadata));
    }

    private static Dictionary<string, string> Metadata(JsonElement metadata) =>
        metadata.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json);
}
