using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Gather.FakeStripe;

/// <summary>
/// The fake Stripe API: <c>/v1/customers</c>, <c>/v1/charges</c> (list with Stripe's cursor
/// paging, retrieve) and <c>/v1/webhook_endpoints</c>, Stripe's error objects (401 for a wrong
/// key, 404, 400, and injected 429/5xx), and <c>/_fake/…</c> to inject faults and read the
/// request log. Build it in a test with <see cref="Build"/>, or run the project.
/// </summary>
public static class FakeStripeApp
{
    private const int DefaultLimit = 10, MaxLimit = 100;

    public static WebApplication Build(string[] args, Action<FakeStripeOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // A line per request would cost more than the request; the request log is at /_fake/requests.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOptions<FakeStripeOptions>().BindConfiguration(FakeStripeOptions.Section)
            .Configure(o => configure?.Invoke(o)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FakeStripeData>();
        builder.Services.AddSingleton<FaultPlan>();
        builder.Services.AddHttpClient();
        var app = builder.Build();
        app.Use(StripeMiddlewareAsync);
        Map(app);
        return app;
    }

    /// <summary>Logs, delays and fails Stripe requests as planned, and checks the key, before any endpoint runs.</summary>
    private static async Task StripeMiddlewareAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/v1"))
        {
            await next(context);
            return;
        }
        var options = context.RequestServices.GetRequiredService<IOptions<FakeStripeOptions>>().Value;
        var faults = context.RequestServices.GetRequiredService<FaultPlan>();
        faults.Record(context.Request.Method, context.Request.Path + context.Request.QueryString);
        var fault = faults.Take(context.Request.Path.Value!, context.Request.QueryString.Value ?? "");
        var delay = options.LatencyMilliseconds + (fault?.DelayMilliseconds ?? 0);
        if (delay > 0)
            await Task.Delay(delay, context.RequestAborted);
        if (fault is { Status: >= 400 } failure)
        {
            await WriteAsync(context, failure.Status, failure.Status == 429
                ? StripeObjects.Error("invalid_request_error", "Request rate limit exceeded. Please retry later (fake Stripe).", "rate_limit")
                : StripeObjects.Error("api_error", $"Injected failure {failure.Status} (fake Stripe)."));
            return;
        }
        if (KeyOf(context.Request) is not { } key || !FixedTimeEquals(key, options.SecretKey))
        {
            var given = KeyOf(context.Request);
            await WriteAsync(context, 401, StripeObjects.Error("invalid_request_error", string.IsNullOrEmpty(given)
                ? "You did not provide an API key. Provide it in the Authorization header, using Bearer auth (fake Stripe)."
                : $"Invalid API Key provided: {(given.Length > 4 ? $"{given[..Math.Min(8, given.Length - 4)]}****{given[^4..]}" : "****")}"));
            return;
        }
        await next(context);
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/v1/customers", (HttpRequest request, FakeStripeData data) =>
        {
            var customers = data.CustomersNewestFirst();
            if (request.Query["email"] is { Count: > 0 } email)
                customers = customers.Where(n => StripeObjects.Email(n) == email.ToString());
            return ListAsync(request, "/v1/customers", customers, StripeObjects.CustomerId, n => StripeObjects.Customer(n).ToJsonString());
        });
        // Search understands what Gather sends: email clauses joined by OR, e.g. email:'a@x.com' OR email:'b@x.com'.
        app.MapGet("/v1/customers/search", (HttpContext context, FakeStripeData data) =>
        {
            var query = context.Request.Query["query"].ToString();
            var clauses = query.Split(" OR ", StringSplitOptions.TrimEntries);
            var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var clause in clauses)
            {
                if (!clause.StartsWith("email:'", StringComparison.Ordinal) || !clause.EndsWith('\''))
                    return WriteAsync(context, 400, StripeObjects.Error("invalid_request_error",
                        $"The fake Stripe only searches customers by email:'…' clauses joined by OR; got: {query}", "parameter_invalid_string", "query"));
                emails.Add(clause["email:'".Length..^1]);
            }
            if (clauses.Length > 10)
                return WriteAsync(context, 400, StripeObjects.Error("invalid_request_error", "A search query holds at most 10 clauses.", null, "query"));
            var found = data.CustomersNewestFirst().Where(n => emails.Contains(StripeObjects.Email(n))).Select(StripeObjects.Customer).ToList();
            return WriteAsync(context, 200, new JsonObject
            {
                ["object"] = "search_result", ["data"] = new JsonArray(found.Select(c => (JsonNode)c).ToArray()), ["has_more"] = false,
                ["next_page"] = null, ["url"] = "/v1/customers/search",
            });
        });
        app.MapGet("/v1/customers/{id}", (HttpContext context, string id, FakeStripeData data) =>
            data.TryParseCustomer(id, out var n) ? WriteAsync(context, 200, StripeObjects.Customer(n)) : MissingAsync(context, "customer", id));

        app.MapGet("/v1/charges", (HttpRequest request, FakeStripeData data) =>
        {
            IEnumerable<(int Customer, int K, string Id)> charges;
            if (request.Query["customer"] is { Count: > 0 } customer)
                charges = data.TryParseCustomer(customer.ToString(), out var n) ? data.ChargesOf(n) : [];
            else
                charges = data.AllChargesNewestFirst();
            return ListAsync(request, "/v1/charges", charges, c => c.Id, c => data.ChargeJson(c.Customer, c.K));
        });
        app.MapGet("/v1/charges/{id}", (HttpContext context, string id, FakeStripeData data) =>
            data.TryParseCharge(id, out var customer, out var k)
                ? WriteAsync(context, 200, data.Charge(customer, k))
                : MissingAsync(context, "charge", id));

        app.MapPost("/v1/webhook_endpoints", async (HttpContext context, FakeStripeData data) =>
        {
            var form = await context.Request.ReadFormAsync();
            var url = form["url"].ToString();
            var events = form.Keys.Where(k => k.StartsWith("enabled_events[", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal)
                .Select(k => form[k].ToString()).ToList();
            if (url.Length == 0 || events.Count == 0)
            {
                await WriteAsync(context, 400, StripeObjects.Error("invalid_request_error",
                    url.Length == 0 ? "Missing required param: url." : "Missing required param: enabled_events.", "parameter_missing",
                    url.Length == 0 ? "url" : "enabled_events"));
                return;
            }
            var id = "we_fake" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var description = form["description"] is { Count: > 0 } d ? d.ToString() : null;
            data.AddWebhookEndpoint(StripeObjects.WebhookEndpoint(id, url, events, description, created, secret: null), secret);
            await WriteAsync(context, 200, StripeObjects.WebhookEndpoint(id, url, events, description, created, secret));
        });
        app.MapGet("/v1/webhook_endpoints", (HttpRequest request, FakeStripeData data) =>
            ListAsync(request, "/v1/webhook_endpoints", data.WebhookEndpoints.Values.OrderByDescending(e => e["created"]!.GetValue<long>()).ToList(),
                e => e["id"]!.GetValue<string>(), e => e.ToJsonString()));
        app.MapGet("/v1/webhook_endpoints/{id}", (HttpContext context, string id, FakeStripeData data) =>
            data.WebhookEndpoints.TryGetValue(id, out var endpoint)
                ? WriteAsync(context, 200, (JsonObject)endpoint.DeepClone())
                : MissingAsync(context, "webhook_endpoint", id));
        app.MapDelete("/v1/webhook_endpoints/{id}", (HttpContext context, string id, FakeStripeData data) =>
            data.RemoveWebhookEndpoint(id)
                ? WriteAsync(context, 200, new JsonObject { ["id"] = id, ["object"] = "webhook_endpoint", ["deleted"] = true })
                : MissingAsync(context, "webhook_endpoint", id));

        app.Map("/v1/{**rest}", (HttpContext context) => WriteAsync(context, 404, StripeObjects.Error("invalid_request_error",
            $"Unrecognized request URL ({context.Request.Method}: {context.Request.Path}) (fake Stripe).")));

        // The fake's own controls (not Stripe's API).
        app.MapPost("/_fake/faults", (FaultPlan.Fault fault, FaultPlan faults) =>
        {
            faults.Add(fault);
            return Results.NoContent();
        });
        app.MapDelete("/_fake/faults", (FaultPlan faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        app.MapGet("/_fake/requests", (FaultPlan faults) => Results.Json(faults.Requests));
        // Refunds a charge and sends charge.refunded to every endpoint that asked for it, signed
        // as Stripe signs; answers with the event and each endpoint's secret, so tests can sign
        // variations of it (stale, tampered, out of order) themselves.
        app.MapPost("/_fake/charges/{id}/refund", async (string id, FakeStripeData data, IHttpClientFactory http) =>
        {
            if (!data.TryParseCharge(id, out var customer, out var k))
                return Results.NotFound();
            var stripeEvent = StripeObjects.Event("charge.refunded", data.Refund(customer, k), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            var deliveries = new JsonArray();
            foreach (var (endpointId, endpoint) in data.WebhookEndpoints)
            {
                if (!endpoint["enabled_events"]!.AsArray().Any(e => e!.GetValue<string>() is "charge.refunded" or "*"))
                    continue;
                var delivered = await WebhookDelivery.SendAsync(http.CreateClient(), endpoint["url"]!.GetValue<string>(), stripeEvent.ToJsonString(),
                    data.WebhookSecrets[endpointId]);
                deliveries.Add(new JsonObject { ["endpoint"] = endpointId, ["secret"] = data.WebhookSecrets[endpointId], ["status"] = delivered });
            }
            return Results.Json(new JsonObject { ["event"] = stripeEvent, ["deliveries"] = deliveries });
        });
        app.MapDelete("/_fake/requests", (FaultPlan faults) =>
        {
            faults.ClearRequests();
            return Results.NoContent();
        });
    }

    /// <summary>
    /// One page of a Stripe list: <c>limit</c> objects after <c>starting_after</c> or before
    /// <c>ending_before</c>. Objects come as JSON text, so that a page of big objects (100 charges
    /// are ~300 KB) is spliced rather than built and serialized again: the fake must not be what a
    /// benchmark measures.
    /// </summary>
    private static Task ListAsync<T>(HttpRequest request, string url, IEnumerable<T> ordered, Func<T, string> idOf, Func<T, string> render)
    {
        var context = request.HttpContext;
        var limit = DefaultLimit;
        if (request.Query["limit"] is { Count: > 0 } text && (!int.TryParse(text, out limit) || limit is < 1 or > MaxLimit))
            return WriteAsync(context, 400, StripeObjects.Error("invalid_request_error",
                $"Invalid integer: {text} (limit must be between 1 and {MaxLimit}).", "parameter_invalid_integer", "limit"));
        var after = request.Query["starting_after"].ToString();
        var before = request.Query["ending_before"].ToString();
        var all = ordered as IReadOnlyList<T> ?? ordered.ToList();
        List<T> page;
        bool hasMore;
        if (before.Length > 0)
        {
            var index = IndexOf(all, idOf, before);
            if (index < 0)
                return MissingAsync(context, "object", before, "ending_before");
            page = all.Take(index).TakeLast(limit).ToList();
            hasMore = index > limit;
        }
        else
        {
            var start = 0;
            if (after.Length > 0)
            {
                var index = IndexOf(all, idOf, after);
                if (index < 0)
                    return MissingAsync(context, "object", after, "starting_after");
                start = index + 1;
            }
            page = all.Skip(start).Take(limit).ToList();
            hasMore = all.Count > start + limit;
        }
        var list = new StringBuilder("{\"object\":\"list\",\"data\":[");
        for (var i = 0; i < page.Count; i++)
            list.Append(i == 0 ? "" : ",").Append(render(page[i]));
        list.Append("],\"has_more\":").Append(hasMore ? "true" : "false").Append(",\"url\":").Append(JsonSerializer.Serialize(url)).Append('}');
        return WriteAsync(context, 200, list.ToString());
    }

    private static int IndexOf<T>(IReadOnlyList<T> all, Func<T, string> idOf, string id)
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (idOf(all[i]) == id)
                return i;
        }
        return -1;
    }

    private static Task MissingAsync(HttpContext context, string kind, string id, string param = "id") =>
        WriteAsync(context, 404, StripeObjects.Error("invalid_request_error", $"No such {kind}: '{id}'", "resource_missing", param));

    private static Task WriteAsync(HttpContext context, int status, JsonObject body) => WriteAsync(context, status, body.ToJsonString());

    private static async Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["Request-Id"] = "req_fake" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    /// <summary>Bearer, as Stripe.net sends it, or Basic with the key as the user name.</summary>
    private static string? KeyOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return header["Bearer ".Length..].Trim();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())).Split(':')[0];
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return null;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
