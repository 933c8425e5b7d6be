namespace Gather.Api.Hosting;

/// <summary>
/// Keeps <c>Gather:Http:MinWorkerThreads</c> worker threads ready. A SQLite call holds its thread
/// while it runs (Microsoft.Data.Sqlite completes its async methods synchronously), and a writer
/// waiting for the write lock holds one too. With the runtime's default of one thread per core,
/// two heavy pages on a two-core machine left every other request (another team's page, a
/// document refused in a millisecond) queued until the pool grew, which it does a thread at a
/// time: refusals took up to 260 ms and another team's p99 doubled (bench/run hostile). Threads
/// kept ready cost a little memory each and nothing while idle.
/// </summary>
public static class WorkerThreads
{
    public static IHostApplicationBuilder AddGatherWorkerThreads(this IHostApplicationBuilder builder)
    {
        var wanted = builder.Configuration.GetSection(HttpOptions.Section).Get<HttpOptions>()?.MinWorkerThreads ?? new HttpOptions().MinWorkerThreads;
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (wanted > workers)
            ThreadPool.SetMinThreads(wanted, completionPorts);
        return builder;
    }
}
