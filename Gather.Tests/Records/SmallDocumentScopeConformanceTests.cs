using System.Text.Json.Nodes;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Views;

namespace Gather.Tests.Records;

/// <summary>
/// Models, views and integrations as every adapter's document store keeps them: a team store never reads, changes
/// or deletes another team's, nor writes one in another team's name, and names are unique within a team only.
/// </summary>
public abstract partial class RecordQueryConformanceTests
{
    [SkippableFact]
    public async Task Another_teams_models_views_and_integrations_are_invisible_unchangeable_and_never_written_in_its_name()
    {
        var store = await EmptyStoreAsync();
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var (otherTeam, otherOrders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders"); // The same name: unique per team.
        var now = SeededRecordStore.T0;
        var view = new View(DocumentIds.New("view"), team.TeamId, "Paid", orders.Id, ["amount"], new JsonObject(), [], now, now);
        var integration = new Integration(DocumentIds.New("int"), team.TeamId, IntegrationKind.Stripe, "protected", "1234", now);
        await team.Views.InsertAsync(view, CancellationToken.None);
        await team.Integrations.InsertAsync(integration, CancellationToken.None);
        await otherTeam.Views.InsertAsync(view with { Id = DocumentIds.New("view"), TeamId = otherTeam.TeamId, ModelId = otherOrders.Id },
            CancellationToken.None);
        await otherTeam.Integrations.InsertAsync(integration with { Id = DocumentIds.New("int"), TeamId = otherTeam.TeamId }, CancellationToken.None);

        var renamedModel = await otherTeam.Models.UpdateAsync(orders with { TeamId = otherTeam.TeamId, Name = "Taken" }, CancellationToken.None);
        var settled = await otherTeam.Models.SettleFieldsAsync(orders.Id, [new SettledField("amount", ValueKind.Int)], CancellationToken.None);
        var renamedView = await otherTeam.Views.UpdateAsync(view with { TeamId = otherTeam.TeamId, Name = "Taken" }, CancellationToken.None);
        var webhookSet = await otherTeam.Integrations.SetWebhookAsync(integration.Id, "we_1", "secret", CancellationToken.None);
        var deleted = new[]
        {
            await otherTeam.Views.DeleteAsync(view.Id, CancellationToken.None),
            await otherTeam.Integrations.DeleteAsync(integration.Id, CancellationToken.None),
            await otherTeam.Models.DeleteAsync(orders.Id, CancellationToken.None) is not null,
        };

        Assert.Null(await otherTeam.Models.GetAsync(orders.Id, CancellationToken.None));
        Assert.Null(await otherTeam.Views.GetAsync(view.Id, CancellationToken.None));
        Assert.Equal([otherOrders.Id], (await otherTeam.Models.ListAsync(10, CancellationToken.None)).Select(m => m.Id));
        Assert.DoesNotContain(view.Id, (await otherTeam.Views.ListAsync(10, CancellationToken.None)).Select(v => v.Id));
        Assert.NotEqual(view.Id, (await otherTeam.Views.GetByNameAsync("Paid", CancellationToken.None))!.Id);
        Assert.DoesNotContain(integration.Id, (await otherTeam.Integrations.ListAsync(CancellationToken.None)).Select(i => i.Id));
        Assert.Null(renamedModel);
        Assert.Null(settled);
        Assert.Null(renamedView);
        Assert.False(webhookSet);
        Assert.Equal([false, false, false], deleted);
        Assert.Equal("Orders", (await team.Models.GetAsync(orders.Id, CancellationToken.None))!.Name);
        Assert.Empty((await team.Models.GetAsync(orders.Id, CancellationToken.None))!.SettledFields);
        Assert.Equal("Paid", (await team.Views.GetAsync(view.Id, CancellationToken.None))!.Name);
        Assert.Null(Assert.Single(await team.Integrations.ListAsync(CancellationToken.None)).WebhookEndpointId);

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => otherTeam.Models.InsertAsync(
            orders with { Id = DocumentIds.New("model"), Name = "Smuggled" }, CancellationToken.None));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => otherTeam.Models.UpdateAsync(orders, CancellationToken.None));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => otherTeam.Views.InsertAsync(
            view with { Id = DocumentIds.New("view"), Name = "Smuggled" }, CancellationToken.None));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => otherTeam.Integrations.InsertAsync(
            integration with { Id = DocumentIds.New("int"), Kind = IntegrationKind.Stripe }, CancellationToken.None));
        Assert.Single(await team.Models.ListAsync(10, CancellationToken.None));
        Assert.Single(await team.Views.ListAsync(10, CancellationToken.None));
    }
}
