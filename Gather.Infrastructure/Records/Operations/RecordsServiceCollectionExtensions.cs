using Gather.Infrastructure.Records.Querying;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Infrastructure.Records.Operations;

/// <summary>Records: syncing them in (normalized, bounded) and querying them (filters, sorts, search, pages).</summary>
public static class RecordsServiceCollectionExtensions
{
    public static IServiceCollection AddGatherRecords(this IServiceCollection services)
    {
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QueryOptions>().BindConfiguration(QueryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RecordNormalizer>();
        services.AddSingleton<RecordService>();
        services.AddSingleton<RecordQueryBuilder>();
        return services;
    }
}
