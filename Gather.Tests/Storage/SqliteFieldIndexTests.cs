using System.Text.Json.Nodes;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Infrastructure.Teams;
using Gather.Tests.Records;
using Microsoft.Data.Sqlite;

namespace Gather.Tests.Storage;

/// <summary>
/// What a held field index is on SQLite: a partial index naming one team's model, which the
/// attach statement (naming the same team and model) is served by, and nobody else's is.
/// </summary>
public sealed class SqliteFieldIndexTests : IDisposable
{
    private static readonly FieldPath Charge = new(["stripe_charge_id"]);
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-indexes-").FullName;

    private string DatabasePath => Path.Combine(_directory, "store.db");

    private async Task<IGatherStore> StoreAsync()
    {
        return (await SqliteTestStore.OpenAsync(DatabasePath)).Store;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        // Unpooled: EXPLAIN does not check the schema version, so a pooled connection could plan with an old schema.
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// EXPLAIN QUERY PLAN of the real attach statements that read the records (noting the rows for
    /// search, then updating them), with their parameters bound as the store binds them.
    /// </summary>
    private async Task<string> AttachPlanAsync(string teamId, string modelId)
    {
        await using var connection = await OpenAsync();
        var plan = new List<string>();
        foreach (var statement in SqliteRecordStore.AttachStatements(teamId, modelId, Charge).Where(s => s.TrimStart().StartsWith("WITH", StringComparison.Ordinal)))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + statement;
            foreach (var (name, value) in new (string, object)[] { ("$team", teamId), ("$model", modelId),
                         ("$page", """[{"id":"ch_1","asOf":1,"value":{},"search":""}]"""),
                         ("$sectionPath", "$.stripeCharge"), ("$asOfPath", "$._asOf.stripeCharge"), ("$now", 1L) })
                command.Parameters.AddWithValue(name, value);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));
        }
        return string.Join(" / ", plan);
    }

    private static async Task SyncAsync(ITeamStore team, string modelId, int count) =>
        Assert.Empty((await SeededRecordStore.RecordService.SyncAsync(team, modelId, Enumerable.Range(0, count)
            .Select(i => new RecordInput(new JsonObject { ["id"] = $"{i}", ["stripe_charge_id"] = $"ch_{i}" })).ToList(), CancellationToken.None)).Value!.Errors);

    [Fact]
    public async Task The_attach_statement_with_bound_team_and_model_is_served_by_the_partial_index_and_another_team_is_not()
    {
        var store = await StoreAsync();
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var (otherTeam, otherOrders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        await SyncAsync(team, orders.Id, 50);
        await SyncAsync(otherTeam, otherOrders.Id, 50);
        var withoutIndex = await AttachPlanAsync(team.TeamId, orders.Id);

        await team.FieldIndexes.HoldAsync(IndexOwner.IntegrationTask("task_1"), [new(orders.Id, Charge)], 20, CancellationToken.None);
        var name = Assert.Single(await team.FieldIndexes.ListAsync(CancellationToken.None)).Name;
        var served = await AttachPlanAsync(team.TeamId, orders.Id);
        var otherModel = await AttachPlanAsync(otherTeam.TeamId, otherOrders.Id);
        var attached = await team.Records.AttachAsync(orders.Id, Charge, AttachedData.StripeCharge,
            [new AttachedSnapshot("ch_7", new JsonObject { ["id"] = "ch_7" }, 1)], SeededRecordStore.T0, CancellationToken.None);
        await team.FieldIndexes.HoldAsync(IndexOwner.IntegrationTask("task_1"), [], 20, CancellationToken.None);
        var afterRelease = await AttachPlanAsync(team.TeamId, orders.Id);

        Assert.DoesNotContain("ix_records_held_", withoutIndex);
        // Both statements that read the records, the one noting them for search and the update.
        Assert.Equal(2, served.Split($"SEARCH r USING INDEX {name}").Length - 1);
        Assert.DoesNotContain(name, otherModel);
        Assert.Equal(1, attached);
        Assert.DoesNotContain(name, afterRelease);
    }

    /// <summary>
    /// SQLite compiles the upkeep of every index of a table into each write to it, and tests a
    /// partial index's WHERE on every row written. Counted in the write's program (EXPLAIN, one row
    /// per instruction): another team's 20 indexes add nothing to it, one of the team's own does.
    /// </summary>
    [Fact]
    public async Task Another_teams_indexes_add_nothing_to_a_teams_writes()
    {
        var store = await StoreAsync();
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var (busy, busyOrders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var quiet = await WriteProgramLengthAsync(team.TeamId);

        for (var i = 0; i < 20; i++)
            Assert.True((await busy.FieldIndexes.HoldAsync(IndexOwner.View($"view_{i}"), [new(busyOrders.Id, new FieldPath([$"f{i}"]))], 20,
                CancellationToken.None)).Held);
        var besideBusy = await WriteProgramLengthAsync(team.TeamId);
        await team.FieldIndexes.HoldAsync(IndexOwner.View("view_own"), [new(orders.Id, Charge)], 20, CancellationToken.None);
        var withOwn = await WriteProgramLengthAsync(team.TeamId);

        Assert.Equal(quiet, besideBusy);
        Assert.True(withOwn > besideBusy, $"{withOwn} instructions with an index of its own, {besideBusy} without.");
    }

    private async Task<int> WriteProgramLengthAsync(string teamId)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN " + SqliteRecordRows.Upsert(SqliteRecordTable.For(teamId));
        await using var reader = await command.ExecuteReaderAsync();
        var instructions = 0;
        while (await reader.ReadAsync())
            instructions++;
        return instructions;
    }

    [Fact]
    public async Task Ids_are_quoted_as_literals_in_the_partial_index()
    {
        var store = await StoreAsync();
        var odd = new Team("team_o'brien'); DROP TABLE records; --", "Quotes", SeededRecordStore.T0);
        var secret = Gather.Infrastructure.Security.ApiKeySecret.Generate();
        await store.CreateTeamAsync(odd, new Gather.Infrastructure.Security.ApiKey(DocumentIds.New("key"), odd.Id, "k",
            Gather.Infrastructure.Security.ApiKeySecret.Hash(secret), "gth_", [Gather.Infrastructure.Security.ApiKeyScope.Admin],
            SeededRecordStore.T0), CancellationToken.None);
        var team = store.ForTeam(odd.Id);
        var model = new Gather.Infrastructure.Models.Model("model_1", odd.Id, "Orders", Gather.Infrastructure.Models.ModelKind.Custom, "id", [],
            SeededRecordStore.T0, SeededRecordStore.T0);
        await team.Models.InsertAsync(model, CancellationToken.None);
        await SyncAsync(team, model.Id, 10);

        var held = await team.FieldIndexes.HoldAsync(IndexOwner.IntegrationTask("task_1"), [new(model.Id, Charge)], 20, CancellationToken.None);
        var plan = await AttachPlanAsync(odd.Id, model.Id);
        await using var check = await OpenAsync();
        await using var command = check.CreateCommand();
        command.CommandText = "SELECT group_concat(name, ',') FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_records_%'";
        var indexes = (string)(await command.ExecuteScalarAsync())!;

        Assert.True(held.Held);
        Assert.Contains("USING INDEX ix_records_held_", plan);
        Assert.Equal(10, (await team.Records.GetManyAsync(model.Id, Enumerable.Range(0, 10).Select(i => $"{i}").ToList(), CancellationToken.None)).Count);
        Assert.StartsWith("ix_records_held_", indexes);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
