using Gather.Infrastructure.Storage;

namespace Gather.Api.Hosting;

/// <summary>
/// Counts the store round trips each request makes and reports them in the
/// <c>Gather-Store-Round-Trips</c> response header, so tests and benchmarks can check that a
/// nested query costs the same whatever its page sizes. The count says nothing about the data.
/// </summary>
public static class StoreRoundTripsHeader
{
    public const string Name = "Gather-Store-Round-Trips";

    public static IApplicationBuilder UseStoreRoundTripsHeader(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            using var roundTrips = StoreRoundTrips.Begin();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Name] = roundTrips.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next(context);
        });
}
