using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gather.FakeStripe;

/// <summary>
/// Sends an event to a webhook endpoint as Stripe does: a JSON POST with a
/// <c>Stripe-Signature: t={timestamp},v1={HMAC-SHA256 of "{timestamp}.{payload}" with the endpoint's secret}</c> header.
/// </summary>
public static class WebhookDelivery
{
    public static string SignatureHeader(string payload, string secret, long timestamp)
    {
        var signed = Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{payload}");
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={signature}";
    }

    /// <summary>Delivers once (the fake does not retry); the endpoint's HTTP status, or why it could not be reached.</summary>
    public static async Task<string> SendAsync(HttpClient http, string url, string payload, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", SignatureHeader(payload, secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var response = await http.SendAsync(request, timeout.Token);
            return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"unreachable: {e.Message}";
        }
    }
}
