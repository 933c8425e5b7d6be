using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Storage;
using Gather.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gather.Tests.Http;

/// <summary>
/// A sync that ran out of retries under contention (MongoDB's optimistic writes) answers 503
/// with <c>Retry-After</c>, like an unreachable store, never a 500: the request was fine and can
/// be sent again. The store here is the real SQLite one whose record sync reports contention.
/// </summary>
public sealed class SyncContentionHttpTests : IDisposable
{
    private readonly GatherApiFactory _app = new(new Dictionary<string, string?> { [GatherApiFactory.SchedulerEnabled] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_sync_that_cannot_converge_answers_503_with_retry_after()
    {
        using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(IGatherStore));
            services.Replace(ServiceDescriptor.Singleton<IGatherStore>(sp =>
                ContendedStore.Wrap((IGatherStore)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!))));
        }));
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Add("Authorization", $"Token {GatherApiFactory.AdminKey}");
        var models = (await admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray();
        var customer = models.Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();

        using var sync = await admin.PostAsJsonAsync($"/models/{customer}/records", new { email = "ann@acme.com" });
        var body = await sync.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, sync.StatusCode);
        Assert.NotNull(sync.Headers.RetryAfter);
        Assert.Contains("STORE_UNAVAILABLE", body);
    }

    /// <summary>Forwards everything to the real store except record syncs, which report contention.</summary>
    public class ContendedStore : DispatchProxy
    {
        private object _inner = null!;

        public static IGatherStore Wrap(IGatherStore inner) => Wrap<IGatherStore>(inner);

        private static T Wrap<T>(object inner) where T : class
        {
            var proxy = Create<T, ContendedStore>();
            ((ContendedStore)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method!.Name == nameof(IRecordStore.SyncAsync) && method.DeclaringType == typeof(IRecordStore))
                return Task.FromException<IReadOnlyList<RecordOutcome>>(new StoreContendedException("Other writers kept changing these records."));
            var result = method.Invoke(_inner, args);
            return result switch
            {
                ITeamStore team => Wrap<ITeamStore>(team),
                IRecordStore records => Wrap<IRecordStore>(records),
                _ => result,
            };
        }
    }
}
