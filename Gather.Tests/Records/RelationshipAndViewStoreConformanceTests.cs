using System.Text.Json.Nodes;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Views;

namespace Gather.Tests.Records;

/// <summary>Relationships and views as every adapter stores them: per team, names unique per side, gone with their model or not.</summary>
public abstract partial class RecordQueryConformanceTests
{
    [SkippableFact]
    public async Task Relationships_are_unique_per_side_confined_to_the_team_and_go_with_their_model()
    {
        var store = await EmptyStoreAsync();
        var (team, projects) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Projects");
        var tasks = projects with { Id = DocumentIds.New("model"), Name = "Tasks" };
        await team.Models.InsertAsync(tasks, CancellationToken.None);
        var (otherTeam, _) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Projects");
        var now = SeededRecordStore.T0;
        var parent = new Relationship(DocumentIds.New("rel"), team.TeamId, "parent", "children", projects.Id, "parent", projects.Id, "id",
            RelationshipKind.Custom, now);
        var clash = parent with { Id = DocumentIds.New("rel"), InverseName = "subprojects" };
        var toTasks = new Relationship(DocumentIds.New("rel"), team.TeamId, "tasks", "project", projects.Id, "id", tasks.Id, "project",
            RelationshipKind.Custom, now);
        var otherTeams = parent with { Id = DocumentIds.New("rel"), TeamId = otherTeam.TeamId };

        await team.Relationships.InsertAsync(parent, CancellationToken.None);
        await team.Relationships.EnsureAsync([parent], CancellationToken.None);
        await team.Relationships.InsertAsync(toTasks, CancellationToken.None);
        await Assert.ThrowsAsync<DuplicateDocumentException>(() => team.Relationships.InsertAsync(clash, CancellationToken.None));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => team.Relationships.InsertAsync(otherTeams, CancellationToken.None));

        Assert.Equal([parent, toTasks], await team.Relationships.ListAsync(10, CancellationToken.None));
        Assert.Empty(await otherTeam.Relationships.ListAsync(10, CancellationToken.None));
        Assert.False(await otherTeam.Relationships.DeleteAsync(parent.Id, CancellationToken.None));
        await team.Models.DeleteAsync(projects.Id, CancellationToken.None);
        Assert.Empty(await team.Relationships.ListAsync(10, CancellationToken.None));
        Assert.NotNull(await team.Models.GetAsync(tasks.Id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Views_read_back_as_written_have_unique_names_and_outlive_their_model()
    {
        var store = await EmptyStoreAsync();
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var (otherTeam, _) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var now = SeededRecordStore.T0;
        var view = new View(DocumentIds.New("view"), team.TeamId, "Paid", model.Id, ["amount", "customer.account"],
            JsonNode.Parse("""{"and":[{"field":"status","eq":"paid"},{"field":"amount","in":[1,2.5,"x",null]}]}""")!.AsObject(),
            [new SortInput("amount", SortDirection.Descending)], now, now);

        await team.Views.InsertAsync(view, CancellationToken.None);
        await Assert.ThrowsAsync<DuplicateDocumentException>(() =>
            team.Views.InsertAsync(view with { Id = DocumentIds.New("view"), Name = "PAID" }, CancellationToken.None));
        var renamed = await team.Views.UpdateAsync(view with { Name = "Paid orders", Columns = ["amount"], UpdatedAt = now.AddMinutes(1) },
            CancellationToken.None);
        await team.Models.DeleteAsync(model.Id, CancellationToken.None);
        var stored = await team.Views.GetAsync(view.Id, CancellationToken.None);

        Assert.Equal("Paid orders", renamed!.Name);
        Assert.Equal(["amount"], stored!.Columns);
        Assert.Equal(model.Id, stored.ModelId);
        Assert.True(JsonNode.DeepEquals(view.Where, stored.Where), stored.Where?.ToJsonString());
        Assert.Equal(view.Order, stored.Order);
        Assert.Equal(now.AddMinutes(1), stored.UpdatedAt);
        Assert.Null(await otherTeam.Views.GetAsync(view.Id, CancellationToken.None));
        Assert.Null(await otherTeam.Views.UpdateAsync(view with { TeamId = otherTeam.TeamId }, CancellationToken.None));
        Assert.False(await otherTeam.Views.DeleteAsync(view.Id, CancellationToken.None));
        Assert.Single(await team.Views.ListAsync(10, CancellationToken.None));
        Assert.True(await team.Views.DeleteAsync(view.Id, CancellationToken.None));
        Assert.Empty(await team.Views.ListAsync(10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_view_is_found_by_its_name_ignoring_case_within_its_team_only()
    {
        var store = await EmptyStoreAsync();
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var (otherTeam, _) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var now = SeededRecordStore.T0;
        var view = new View(DocumentIds.New("view"), team.TeamId, "Paid Orders", model.Id, [], null, [], now, now);
        await team.Views.InsertAsync(view, CancellationToken.None);
        await team.Views.InsertAsync(view with { Id = DocumentIds.New("view"), Name = "Open orders" }, CancellationToken.None);

        Assert.Equal(view.Id, (await team.Views.GetByNameAsync("paid orders", CancellationToken.None))?.Id);
        Assert.Equal(view.Id, (await team.Views.GetByNameAsync(" PAID ORDERS ", CancellationToken.None))?.Id);
        Assert.Null(await team.Views.GetByNameAsync("Paid", CancellationToken.None));
        Assert.Null(await otherTeam.Views.GetByNameAsync("Paid Orders", CancellationToken.None));
    }
}
