using Gather.Schema;
using Microsoft.Extensions.Options;

namespace Gather.Api.GraphQL;

/// <summary>
/// At most <c>Gather:GraphQL:MaxConcurrentExecutionsPerTeam</c> operations per team run at once on
/// this instance, so one team cannot hold every thread while others wait. Up to
/// <c>MaxWaitingExecutionsPerTeam</c> more wait in line, each up to <c>ConcurrencyWaitMilliseconds</c>,
/// then are refused (503, Retry-After); past the line an operation is refused at once, so a flood
/// holds nothing. A team's entry lives only while it has operations running or waiting.
/// </summary>
public sealed class TeamExecutionSlots(IOptions<GraphQLLimitsOptions> limits)
{
    private readonly Dictionary<string, Team> _teams = [];

    private sealed class Team(int places)
    {
        public SemaphoreSlim Places { get; } = new(places, places);

        /// <summary>Operations holding or waiting for a place; the entry goes when it reaches 0.</summary>
        public int Users { get; set; }
    }

    /// <summary>A place for the team's operation (dispose it to give it back), or null when none came free in time.</summary>
    public async Task<IDisposable?> EnterAsync(string teamId, CancellationToken cancellationToken)
    {
        var team = Join(teamId);
        if (team is null)
            return null;
        var entered = false;
        try
        {
            entered = await team.Places.WaitAsync(TimeSpan.FromMilliseconds(limits.Value.ConcurrencyWaitMilliseconds), cancellationToken);
        }
        finally
        {
            if (!entered)
                Leave(teamId, team);
        }
        return entered ? new Place(this, teamId, team) : null;
    }

    /// <summary>Operations of the team running or waiting now (for tests and diagnostics).</summary>
    public int InUse(string teamId)
    {
        lock (_teams)
            return _teams.TryGetValue(teamId, out var team) ? team.Users : 0;
    }

    /// <summary>The team's entry with this operation counted in, or null when its line is full.</summary>
    private Team? Join(string teamId)
    {
        lock (_teams)
        {
            if (!_teams.TryGetValue(teamId, out var team))
                _teams[teamId] = team = new Team(limits.Value.MaxConcurrentExecutionsPerTeam);
            else if (team.Users >= limits.Value.MaxConcurrentExecutionsPerTeam + limits.Value.MaxWaitingExecutionsPerTeam)
                return null;
            team.Users++;
            return team;
        }
    }

    private void Leave(string teamId, Team team)
    {
        lock (_teams)
        {
            if (--team.Users == 0)
            {
                _teams.Remove(teamId);
                team.Places.Dispose();
            }
        }
    }

    private sealed class Place(TeamExecutionSlots owner, string teamId, Team team) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
                return;
            team.Places.Release();
            owner.Leave(teamId, team);
        }
    }
}
