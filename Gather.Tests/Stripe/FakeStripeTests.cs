using System.Net;
using Gather.Tests.Support;
using Stripe;

namespace Gather.Tests.Stripe;

/// <summary>The fake speaks Stripe's wire format as Stripe.net uses it: paging, filters, errors and injected faults.</summary>
public sealed class FakeStripeTests : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripeServer.StartAsync(customers: 30, chargesPerCustomer: 4);

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task Lists_page_newest_first_with_has_more_and_cursors()
    {
        var customers = new CustomerService(_stripe.Client());

        var first = await customers.ListAsync(new CustomerListOptions { Limit = 10 });
        var second = await customers.ListAsync(new CustomerListOptions { Limit = 10, StartingAfter = first.Data[^1].Id });
        var back = await customers.ListAsync(new CustomerListOptions { Limit = 5, EndingBefore = second.Data[0].Id });
        var all = new List<Customer>();
        await foreach (var customer in customers.ListAutoPagingAsync(new CustomerListOptions { Limit = 7 }))
            all.Add(customer);

        Assert.Equal("cus_fake000029", first.Data[0].Id);
        Assert.True(first.HasMore);
        Assert.Equal("cus_fake000019", second.Data[0].Id);
        Assert.Equal(first.Data.TakeLast(5).Select(c => c.Id), back.Data.Select(c => c.Id));
        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task Customers_are_found_by_email_and_charges_by_customer()
    {
        var client = _stripe.Client();

        var byEmail = await new CustomerService(client).ListAsync(new CustomerListOptions { Email = "customer6@example.com" });
        var charges = await new ChargeService(client).ListAsync(new ChargeListOptions { Customer = byEmail.Data.Single().Id, Limit = 100 });
        var none = await new ChargeService(client).ListAsync(new ChargeListOptions { Customer = "cus_fake000003" });
        var one = await new ChargeService(client).GetAsync(charges.Data[0].Id);

        Assert.Equal("cus_fake000006", byEmail.Data.Single().Id);
        Assert.Equal(4, charges.Data.Count);
        Assert.All(charges.Data, c => Assert.Equal("cus_fake000006", c.CustomerId));
        Assert.True(charges.Data.Zip(charges.Data.Skip(1)).All(p => p.First.Created >= p.Second.Created));
        Assert.Empty(none.Data);
        Assert.Equal(charges.Data[0].Amount, one.Amount);
        Assert.Contains(charges.Data, c => c.Status == "succeeded");
    }

    [Fact]
    public async Task A_wrong_key_an_unknown_id_and_a_bad_limit_get_Stripes_errors()
    {
        var wrongKey = await Assert.ThrowsAsync<StripeException>(() => new ChargeService(_stripe.Client("sk_test_wrong_key_1234")).ListAsync());
        var missing = await Assert.ThrowsAsync<StripeException>(() => new ChargeService(_stripe.Client()).GetAsync("ch_nope"));
        var badLimit = await Assert.ThrowsAsync<StripeException>(() => new ChargeService(_stripe.Client()).ListAsync(new ChargeListOptions { Limit = 500 }));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.HttpStatusCode);
        Assert.Equal("invalid_request_error", wrongKey.StripeError.Type);
        Assert.Contains("1234", wrongKey.StripeError.Message);
        Assert.Equal(HttpStatusCode.NotFound, missing.HttpStatusCode);
        Assert.Equal("resource_missing", missing.StripeError.Code);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.HttpStatusCode);
        Assert.Equal("limit", badLimit.StripeError.Param);
    }

    [Fact]
    public async Task Injected_faults_hit_the_matching_requests_only_and_are_logged()
    {
        await _stripe.InjectAsync("/v1/charges", 429, times: 1, queryContains: "customer=cus_fake000001");
        await _stripe.InjectAsync("/v1/customers", 500, times: 1);
        var charges = new ChargeService(_stripe.Client());

        var limited = await Assert.ThrowsAsync<StripeException>(() => charges.ListAsync(new ChargeListOptions { Customer = "cus_fake000001" }));
        var other = await charges.ListAsync(new ChargeListOptions { Customer = "cus_fake000002" });
        var again = await charges.ListAsync(new ChargeListOptions { Customer = "cus_fake000001" });
        // Stripe.net retries a 5xx itself when allowed to; the fake's fault is used up by the first attempt.
        var retried = await new CustomerService(_stripe.Client(retries: 1)).GetAsync("cus_fake000001");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.HttpStatusCode);
        Assert.Equal("rate_limit", limited.StripeError.Code);
        Assert.Equal(4, other.Data.Count);
        Assert.Equal(4, again.Data.Count);
        Assert.Equal("cus_fake000001", retried.Id);
        Assert.Equal(2, _stripe.Faults.Requests.Count(r => r.StartsWith("GET /v1/customers/cus_fake000001", StringComparison.Ordinal)));
    }
}
