using Gather.Infrastructure.Models;
using Gather.Tests.Support;
using static Gather.Tests.Typed.TypedSchemaSteps;

namespace Gather.Tests.Typed;

/// <summary>
/// A sync that adds a field while the team's schema is being checked (its plan already read) is
/// not lost: the check's older schema is kept for the request that asked, and the next request
/// checks again and shows the field, rather than after Gather:GraphQL:TeamSchemaCheckSeconds.
/// </summary>
public sealed class TeamSchemaCheckRaceTests : IDisposable
{
    private readonly GatherApiFactory _app = new(new Dictionary<string, string?> { [GatherApiFactory.SchedulerEnabled] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_field_synced_while_the_schema_is_checked_appears_on_the_next_request()
    {
        var paused = new PausedStatistics();
        using var app = _app.WithWebHostBuilder(b => InterceptedStore.Install(b, (method, _, call) =>
            method.Name == nameof(IModelStore.GetFieldStatisticsAsync) && method.DeclaringType == typeof(IModelStore)
                ? paused.AfterAsync((Task<IReadOnlyDictionary<string, IReadOnlyList<FieldStatistic>>>)call()!)
                : null));
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Add("Authorization", $"Token {GatherApiFactory.AdminKey}");
        var orders = await CreateModelAsync(admin, "Orders");
        await SyncJsonAsync(admin, orders, new[] { new { id = "1", amount = 10 } });
        Assert.DoesNotContain("discount", await SdlAsync(admin));
        await SyncJsonAsync(admin, orders, new[] { new { id = "2", amount = 20, note = "new" } }); // the next request checks

        // The check reads the field catalogue and is held there; meanwhile a sync adds `discount`.
        paused.Arm();
        var checking = SdlAsync(admin);
        await paused.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await SyncJsonAsync(admin, orders, new[] { new { id = "3", amount = 30, discount = 5 } });
        paused.Release();
        var during = await checking;
        var after = await SdlAsync(admin);

        Assert.Contains("note", during);
        Assert.DoesNotContain("discount", during); // read before the sync
        Assert.Contains("discount", after);
    }

    /// <summary>Holds the first field-catalogue read after <see cref="Arm"/> once it has read, until <see cref="Release"/>.</summary>
    private sealed class PausedStatistics
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Arm() => Volatile.Write(ref _armed, 1);

        public void Release() => _released.TrySetResult();

        public async Task<T> AfterAsync<T>(Task<T> read)
        {
            var result = await read;
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Reached.TrySetResult();
                await _released.Task;
            }
            return result;
        }
    }
}
