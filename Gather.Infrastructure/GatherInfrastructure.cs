using Gather.Infrastructure.Indexes.Operations;
using Gather.Infrastructure.Integrations.Operations;
using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Relationships.Operations;
using Gather.Infrastructure.Storage.Hosting;
using Gather.Infrastructure.Teams.Operations;
using Gather.Infrastructure.Views.Operations;
using Microsoft.Extensions.Hosting;

namespace Gather.Infrastructure;

/// <summary>Gather's domain: the store, then each area's services, each registered by its own folder.</summary>
public static class GatherInfrastructure
{
    public static IHostApplicationBuilder AddGatherInfrastructure(this IHostApplicationBuilder builder)
    {
        builder.AddGatherStorage();
        builder.Services
            .AddGatherTeams()
            .AddGatherModels()
            .AddGatherRecords()
            .AddGatherRelationships()
            .AddGatherViews()
            .AddGatherIndexes()
            .AddGatherIntegrations()
            .AddGatherIntegrationTaskServices();
        return builder;
    }
}
