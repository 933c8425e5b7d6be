using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Brings the search index up to date with the rows written since (<c>search_pending</c>), in
/// batches, outside the writers' transactions: keeping a trigram index in step inside each sync
/// cost about two thirds of SQLite's sync throughput. Searches stay exact meanwhile (pending
/// rows are candidates too); what a lag costs is that a search also reads its model's pending rows.
/// </summary>
public sealed class SqliteSearchIndexer(SqliteConnectionFactory connections, IOptions<SqliteOptions> options,
    ILogger<SqliteSearchIndexer> logger) : BackgroundService
{
    /// <summary>Indexes pending rows, a batch per transaction, until none are left.</summary>
    public static async Task CatchUpAsync(SqliteConnectionFactory connections, int batchSize, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            // Looked at first without the write lock: most rounds find nothing, and must not queue behind writers.
            string? team;
            await using (var next = connection.Command(SqliteSearchSql.NextTeam))
                team = await next.ExecuteScalarAsync(cancellationToken) as string;
            if (team is null)
                return;
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var command = transaction.Once(SqliteSearchSql.CatchUp(team), ("$team", team), ("$batch", batchSize));
            var changed = await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (changed == 0)
                return;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.SearchIndexIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stoppingToken);
                await CatchUpAsync(connections, options.Value.SearchIndexBatchSize, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A busy or not yet migrated database: searches stay exact, the next round retries.
                logger.LogWarning(e, "The search index could not catch up; retrying in {Interval}", interval);
            }
        }
    }
}
