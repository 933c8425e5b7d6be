using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Views;
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
