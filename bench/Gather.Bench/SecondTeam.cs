using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Relationships.Operations;
using Microsoft.Extensions.Options;

namespace Gather.Bench;

/// <summary>
/// A second team in a running server's SQLite file, set up as the bootstrapper sets up the first
/// (standard models and relationship), since Gather has no public call that creates teams.
/// </summary>
public static class SecondTeam
{
    /// <summary>Creates the team with an admin key and returns the key's secret.</summary>
    public static async Task<string> CreateAsync(string databasePath)
    {
        var direct = await DirectStore.CreateAsync(databasePath, "Team B");
        var models = new ModelService(Options.Create(new ModelOptions()), Options.Create(new SyncOptions()), TimeProvider.System);
        await models.EnsureStandardModelsAsync(direct.Team, CancellationToken.None);
        await new RelationshipService(Options.Create(new RelationshipOptions()), Options.Create(new ModelOptions()),
            Options.Create(new SyncOptions()), TimeProvider.System, models).EnsureStandardAsync(direct.Team, CancellationToken.None);
        return direct.Secret;
    }
}
