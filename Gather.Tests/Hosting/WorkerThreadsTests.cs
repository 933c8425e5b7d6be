using Gather.Tests.Support;

namespace Gather.Tests.Hosting;

/// <summary>The server keeps Gather:Http:MinWorkerThreads worker threads ready (a process-wide setting, so only raised, never lowered).</summary>
public sealed class WorkerThreadsTests
{
    [Fact]
    public async Task The_server_keeps_the_configured_worker_threads_ready()
    {
        using var factory = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Http:MinWorkerThreads"] = "48" });
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);

        var answered = await admin.PostGraphQLAsync("{ viewer { team { id } } }");

        Assert.Null(answered.Errors);
        ThreadPool.GetMinThreads(out var workers, out _);
        Assert.True(workers >= 48, $"{workers} worker threads kept ready");
    }

    [Fact]
    public void A_negative_or_huge_number_is_refused_at_start_up_naming_the_option()
    {
        using var factory = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Http:MinWorkerThreads"] = "-1" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("MinWorkerThreads", error.ToString());
    }
}
