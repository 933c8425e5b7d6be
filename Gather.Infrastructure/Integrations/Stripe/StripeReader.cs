using Gather.Infrastructure.IntegrationTasks;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Stripe;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>One read from Stripe for one key: the value, or why Stripe could not give it.</summary>
public sealed record StripeResult<T>(T? Value, string? Error)
{
    public static StripeResult<T> Failed(string error) => new(default, error);
}

/// <summary>
/// Stripe data fetched on demand, never stored: customers by email (many emails per search
/// call), charges by customer, charges by id. Results are cached per team for
/// <c>Gather:Stripe:CacheSeconds</c>; <see cref="Invalidate"/> drops a team's entries (for
/// webhooks). A failure for one key is reported for that key only.
/// </summary>
public sealed class StripeReader(StripeGateway gateway, SecretProtector secrets, IMemoryCache cache, IOptions<StripeOptions> options)
{
    /// <summary>Stripe's search takes at most 10 clauses.</summary>
    private const int EmailsPerSearch = 10;

    private readonly ConcurrentDictionary<string, CancellationTokenSource> _teamEntries = new();

    /// <summary>The team's decrypted Stripe key, or null when it has not connected Stripe.</summary>
    public async Task<string?> KeyAsync(ITeamStore team, CancellationToken cancellationToken) =>
        (await team.Integrations.ListAsync(cancellationToken)).FirstOrDefault(i => i.Kind == IntegrationKind.Stripe) is { } stripe
            ? secrets.Unprotect(stripe.EncryptedSecretKey)
            : null;

    /// <summary>Stripe customers by email (exact, ignoring case); emails without one map to a null value.</summary>
    public async Task<IReadOnlyDictionary<string, StripeResult<StripeCustomer?>>> CustomersByEmailAsync(string teamId, string key,
        IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        var results = new ConcurrentDictionary<string, StripeResult<StripeCustomer?>>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var email in emails.Distinct(StringComparer.Ordinal))
        {
            if (cache.TryGetValue(("customerByEmail", teamId, email.ToLowerInvariant()), out StripeCustomer? cached))
                results[email] = new(cached, null);
            else if (email.Contains('\'') || email.Contains('\\'))
                results[email] = new(null, null); // Not searchable as a quoted value; no Stripe customer is matched.
            else
                missing.Add(email);
        }
        await Task.WhenAll(missing.Chunk(EmailsPerSearch).Select(async chunk =>
        {
            try
            {
                var query = string.Join(" OR ", chunk.Select(e => $"email:'{e}'"));
                var found = StripePage<StripeCustomer>.From(await gateway.GetAsync(teamId, "/v1/customers/search",
                    [new("query", query), new("limit", "100")], key, cancellationToken), StripeCustomer.From);
                foreach (var email in chunk)
                {
                    // Newest first, as Stripe lists them: with several customers of one email, the newest is the one.
                    var customer = found.Data.Where(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase))
                        .OrderByDescending(c => c.Created).FirstOrDefault();
                    Remember(("customerByEmail", teamId, email.ToLowerInvariant()), customer, teamId);
                    results[email] = new(customer, null);
                }
            }
            catch (Exception e) when (StripeGateway.IsFailure(e, cancellationToken))
            {
                foreach (var email in chunk)
                    results[email] = StripeResult<StripeCustomer?>.Failed(Describe(e));
            }
        }));
        return results;
    }

    /// <summary>One page of a Stripe customer's charges, newest first.</summary>
    public async Task<StripeResult<StripePage<StripeCharge>>> ChargesAsync(string teamId, string key, string customerId, int limit,
        string? startingAfter, CancellationToken cancellationToken)
    {
        var cacheKey = ("charges", teamId, customerId, limit, startingAfter);
        if (cache.TryGetValue(cacheKey, out StripePage<StripeCharge>? cached))
            return new(cached, null);
        try
        {
            List<KeyValuePair<string, string>> query = [new("customer", customerId), new("limit", limit.ToString(CultureInfo.InvariantCulture))];
            if (startingAfter is not null)
                query.Add(new("starting_after", startingAfter));
            var page = StripePage<StripeCharge>.From(await gateway.GetAsync(teamId, "/v1/charges", query, key, cancellationToken), StripeCharge.From);
            Remember(cacheKey, page, teamId);
            return new(page, null);
        }
        catch (Exception e) when (StripeGateway.IsFailure(e, cancellationToken))
        {
            return StripeResult<StripePage<StripeCharge>>.Failed(Describe(e));
        }
    }

    /// <summary>Charges by id, read concurrently; an id Stripe does not know maps to a null value.</summary>
    public Task<IReadOnlyDictionary<string, StripeResult<StripeCharge?>>> ChargesByIdAsync(string teamId, string key,
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ByIdAsync(teamId, key, "charges", ids, StripeCharge.From, cancellationToken);

    /// <summary>Customers by id, read concurrently; an id Stripe does not know, or a deleted customer, maps to a null value.</summary>
    public Task<IReadOnlyDictionary<string, StripeResult<StripeCustomer?>>> CustomersByIdAsync(string teamId, string key,
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ByIdAsync(teamId, key, "customers", ids, StripeCustomer.From, cancellationToken);

    /// <summary>Objects of one Stripe collection (e.g. <c>charges</c>) by id: one retrieve per distinct id not cached, all at once.</summary>
    private async Task<IReadOnlyDictionary<string, StripeResult<T?>>> ByIdAsync<T>(string teamId, string key, string collection,
        IReadOnlyCollection<string> ids, Func<JsonElement, T> read, CancellationToken cancellationToken) where T : class
    {
        var results = await Task.WhenAll(ids.Distinct(StringComparer.Ordinal).Select(async id =>
        {
            var cacheKey = (collection, teamId, id);
            if (cache.TryGetValue(cacheKey, out T? cached))
                return (id, new StripeResult<T?>(cached, null));
            try
            {
                var json = await gateway.GetAsync(teamId, $"/v1/{collection}/{Uri.EscapeDataString(id)}", [], key, cancellationToken);
                // Stripe answers a deleted object's retrieve with a stub: { id, object, deleted: true }.
                var found = StripeJson.Flag(json, "deleted") ? null : read(json);
                Remember(cacheKey, found, teamId);
                return (id, new StripeResult<T?>(found, null));
            }
            catch (StripeException e) when (e.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return (id, new StripeResult<T?>(null, null));
            }
            catch (Exception e) when (StripeGateway.IsFailure(e, cancellationToken))
            {
                return (id, StripeResult<T?>.Failed(Describe(e)));
            }
        }));
        return results.ToDictionary(r => r.id, r => r.Item2, StringComparer.Ordinal);
    }

    /// <summary>Drops everything cached for the team, e.g. when a webhook says its Stripe data changed.</summary>
    public void Invalidate(string teamId)
    {
        if (_teamEntries.TryRemove(teamId, out var entries))
        {
            entries.Cancel();
            entries.Dispose();
        }
    }

    private void Remember<T>(object key, T value, string teamId)
    {
        if (options.Value.CacheSeconds == 0)
            return;
        var team = _teamEntries.GetOrAdd(teamId, _ => new CancellationTokenSource());
        cache.Set(key, value, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.CacheSeconds),
            Size = 1,
        }.AddExpirationToken(new CancellationChangeToken(team.Token)));
    }

    private static string Describe(Exception e) => e is StripeException s
        ? $"Stripe answered {(int)s.HttpStatusCode}: {s.StripeError?.Message ?? s.Message}"
        : $"Stripe could not be reached: {e.Message}";
}
