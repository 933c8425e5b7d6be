using Gather.Infrastructure.IntegrationTasks;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Gather.Infrastructure.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// The one way Gather reaches Stripe: Stripe.net 53.1.0 against the configured base URL, with a
/// timeout per request and retries with back-off on 429, 409 and 5xx (Stripe.net itself does
/// not retry a 429). Stripe's <c>Stripe-Should-Retry</c> and <c>Retry-After</c> headers win
/// over the back-off rule.
/// </summary>
public sealed class StripeGateway(IOptions<StripeOptions> options, ILogger<StripeGateway> logger) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds) };

    // Bounds Gather's load on Stripe (and on its rate limit) however many resolvers ask at once,
    // and keeps a share of it for every team: one team's fan-out cannot hold every permit.
    private readonly StripeConcurrency _inFlight = new(options.Value.MaxConcurrency, options.Value.ConcurrencyPerTeam);

    /// <summary>What checking a key found: it works, Stripe refused it, or Stripe could not be asked.</summary>
    public enum KeyCheck
    {
        Valid,
        Refused,
        Unavailable,
    }

    /// <summary>A cheap authenticated call (one customer) that tells a working key from a refused one.</summary>
    public async Task<(KeyCheck Result, string? Message)> CheckKeyAsync(string teamId, string secretKey, CancellationToken cancellationToken)
    {
        try
        {
            await GetAsync(teamId, "/v1/customers", [new("limit", "1")], secretKey, cancellationToken);
            return (KeyCheck.Valid, null);
        }
        catch (StripeException e) when (e.HttpStatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return (KeyCheck.Refused, e.StripeError?.Message ?? e.Message);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            logger.LogWarning(e, "Stripe could not be reached to check a key");
            return (KeyCheck.Unavailable, e.Message);
        }
    }

    /// <summary>
    /// One GET from Stripe's API, e.g. <c>/v1/charges</c> with <c>customer</c> and <c>limit</c>:
    /// Stripe's JSON answer, not parsed into Stripe.net's entities (see <see cref="StripeJson"/>).
    /// Errors come as <see cref="StripeException"/>, as from Stripe.net's services. The call counts
    /// against <paramref name="teamId"/>'s share of the concurrency (the team whose integration it is).
    /// </summary>
    public async Task<JsonElement> GetAsync(string teamId, string path, IReadOnlyList<KeyValuePair<string, string>> query, string secretKey,
        CancellationToken cancellationToken)
    {
        var url = query.Count == 0 ? path
            : path + "?" + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        // The body is read as UTF-8 and parsed as such: a page of 100 charges is ~300 KB, which the
        // string-returning RawRequestAsync would first turn into UTF-16.
        using var body = new MemoryStream();
        await RunAsync(async client =>
        {
            body.SetLength(0);
            await using var stream = await client.RequestStreamingAsync(HttpMethod.Get, url, null, null, cancellationToken);
            await stream.CopyToAsync(body, cancellationToken);
            return true;
        }, teamId, secretKey, cancellationToken);
        return JsonSerializer.Deserialize<JsonElement>(body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    /// <summary>
    /// A whole Stripe list from a cursor on, 100 per page, newest first. The next page is asked
    /// for while the caller works on the current one, so Stripe's latency and the caller's
    /// writes overlap; stopping early cancels the page in flight.
    /// </summary>
    public async IAsyncEnumerable<StripePage<T>> ReadPagesAsync<T>(string teamId, string path, string secretKey, string? startingAfter, Func<JsonElement, T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken) where T : IStripeObject
    {
        using var readAhead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async Task<StripePage<T>> PageAsync(string? after)
        {
            List<KeyValuePair<string, string>> query = [new("limit", MaxPageSize.ToString(CultureInfo.InvariantCulture))];
            if (after is not null)
                query.Add(new("starting_after", after));
            return StripePage<T>.From(await GetAsync(teamId, path, query, secretKey, readAhead.Token), read);
        }

        Task<StripePage<T>>? next = PageAsync(startingAfter);
        try
        {
            while (next is not null)
            {
                var page = await next;
                next = page.HasMore && page.Data.Count > 0 ? PageAsync(page.Data[^1].Id) : null;
                yield return page;
            }
        }
        finally
        {
            if (next is not null)
            {
                await readAhead.CancelAsync();
                try
                {
                    await next;
                }
                catch (Exception e) when (e is OperationCanceledException || IsFailure(e, CancellationToken.None))
                {
                    // The page nobody will read.
                }
            }
        }
    }

    /// <summary>Stripe's largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// Runs one Stripe call with the team's key, retrying what Stripe says may be retried. Each
    /// attempt holds one of the team's permits; the back-off between attempts holds none.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<StripeClient, Task<T>> call, string teamId, string secretKey, CancellationToken cancellationToken)
    {
        var client = new StripeClient(new StripeClientOptions
        {
            ApiKey = secretKey,
            ApiBase = options.Value.ApiBase.TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(_http, maxNetworkRetries: 0),
        });
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var permit = await _inFlight.AcquireAsync(teamId, cancellationToken);
                using var activity = GatherTelemetry.Source.StartActivity("stripe.request", ActivityKind.Client);
                activity?.SetTag("gather.stripe.attempt", attempt + 1);
                try
                {
                    var result = await call(client);
                    StripeTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
                    return result;
                }
                catch (Exception e)
                {
                    var outcome = e is StripeException s ? ((int)s.HttpStatusCode).ToString(CultureInfo.InvariantCulture) : e.GetType().Name;
                    StripeTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
                    activity?.SetStatus(ActivityStatusCode.Error, outcome);
                    throw;
                }
            }
            catch (Exception e) when (attempt < options.Value.MaxRetries && RetryDelay(e, attempt) is { } delay)
            {
                logger.LogInformation("Stripe call failed ({Reason}); retry {Attempt} in {Delay} ms", Reason(e), attempt + 1, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    /// <summary>How long to wait before retrying after <paramref name="error"/>, or null when it must not be retried.</summary>
    internal TimeSpan? RetryDelay(Exception error, int attempt)
    {
        var headers = (error as StripeException)?.StripeResponse?.Headers;
        if (headers is not null && headers.TryGetValues("Stripe-Should-Retry", out var should) && bool.TryParse(should.FirstOrDefault(), out var retry))
        {
            if (!retry)
                return null;
        }
        else if (error is StripeException { HttpStatusCode: var status } && status != HttpStatusCode.TooManyRequests
                 && status != HttpStatusCode.Conflict && (int)status < 500)
        {
            return null;
        }
        else if (error is not (StripeException or HttpRequestException or TaskCanceledException))
        {
            return null;
        }

        var limit = options.Value.RetryMaxDelayMilliseconds;
        if (headers?.RetryAfter?.Delta is { } after)
            return TimeSpan.FromMilliseconds(Math.Min(after.TotalMilliseconds, limit));
        var backOff = options.Value.RetryBaseDelayMilliseconds * Math.Pow(2, attempt);
        var jittered = backOff / 2 + Random.Shared.NextDouble() * backOff / 2;
        return TimeSpan.FromMilliseconds(Math.Min(jittered, limit));
    }

    /// <summary>Stripe answered with an error or with JSON Gather cannot read, could not be reached or timed out, and the caller did not cancel.</summary>
    public static bool IsFailure(Exception error, CancellationToken cancellationToken) =>
        error is StripeException or HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested;

    private static string Reason(Exception e) => e is StripeException s ? $"{(int)s.HttpStatusCode} {s.StripeError?.Code}" : e.GetType().Name;

    public void Dispose()
    {
        _http.Dispose();
    }
}
