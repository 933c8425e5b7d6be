using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace Gather.Api.Hosting;

/// <summary>The HTTP host's settings (<c>Gather:Http</c>).</summary>
public sealed class HttpOptions
{
    public const string Section = "Gather:Http";

    /// <summary>
    /// Addresses (<c>10.0.0.7</c>) or networks (<c>10.0.0.0/24</c>, <c>2001:db8::/32</c>) of the
    /// proxies in front of Gather, whose <c>X-Forwarded-For</c> is believed. Empty: no proxy is
    /// trusted, not even loopback, and every client is its connection's address.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>
    /// Worker threads the thread pool keeps ready (<see cref="WorkerThreads"/>); 0 leaves the
    /// runtime's default, one per core.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 1024)]
    public int MinWorkerThreads { get; set; } = 32;
}

/// <summary>
/// Behind a proxy every request arrives from the proxy's address, so per-address rate limits
/// would put every client in one bucket. From a known proxy, the client is the address the proxy
/// appended to <c>X-Forwarded-For</c>, walking back through further known proxies; entries a client
/// wrote itself are not believed, since it cannot get past the proxy's own entry. From anyone
/// else the header is ignored.
/// </summary>
public static class ForwardedClients
{
    public static IServiceCollection AddGatherForwardedClients(this IServiceCollection services)
    {
        services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<HttpOptions>, KnownProxiesValidation>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HttpOptions>>((forwarded, http) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET trusts loopback by default; an empty list here means no one.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            // No fixed count: each entry is believed only while the address it came from is a known proxy.
            forwarded.ForwardLimit = null;
            foreach (var proxy in http.Value.KnownProxies)
                forwarded.KnownIPNetworks.Add(Parse(proxy)!.Value);
        });
        return services;
    }

    /// <summary>Before anything reads the client's address (logs, rate limits); nothing at all without known proxies.</summary>
    public static IApplicationBuilder UseGatherForwardedClients(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<HttpOptions>>().Value.KnownProxies.Count == 0 ? app : app.UseForwardedHeaders();

    private static IPNetwork? Parse(string entry)
    {
        var text = entry.Trim();
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/'))
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return IPNetwork.TryParse(text, out var network) ? network : null;
    }

    /// <summary>Names the entries that do not parse, so the start-up error says which to fix.</summary>
    private sealed class KnownProxiesValidation : IValidateOptions<HttpOptions>
    {
        public ValidateOptionsResult Validate(string? name, HttpOptions options)
        {
            var bad = options.KnownProxies.Where(p => Parse(p) is null).ToList();
            return bad.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{HttpOptions.Section}:KnownProxies: '{string.Join("', '", bad)}' is neither an IP address nor a network in CIDR form (e.g. 10.0.0.7 or 10.0.0.0/24).");
        }
    }
}
