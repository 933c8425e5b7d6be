using Gather.Infrastructure.IntegrationTasks;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// The Stripe requests Gather may have in flight, shared fairly between teams: at most
/// <c>total</c> at once, at most <c>perTeam</c> of them one team's, and a permit that frees up
/// goes to the waiting team with the fewest in flight (ties: the one served longest ago). So one
/// team's fan-out of hundreds of calls can neither take every permit nor stay ahead of a team
/// that asks for one: that team waits for one call to finish at most, however long the queue.
/// </summary>
public sealed class StripeConcurrency(int total, int perTeam)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, TeamShare> _teams = new(StringComparer.Ordinal);
    private readonly int _perTeam = Math.Clamp(perTeam, 1, total);
    private int _inFlight;
    private long _turn;

    /// <summary>Waits for a permit for <paramref name="teamId"/>; dispose the permit when the request is done.</summary>
    public async Task<IDisposable> AcquireAsync(string teamId, CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource> waiter;
        lock (_gate)
        {
            var share = Share(teamId);
            // After every change, either all permits are out or no waiting team may take one (Dispatch),
            // so a free permit here is nobody else's due.
            if (_inFlight < total && share.InFlight < _perTeam)
            {
                Grant(share);
                return new Permit(this, teamId);
            }
            waiter = share.Waiting.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        await using (cancellationToken.Register(() => Abandon(teamId, waiter)))
            await waiter.Value.Task;
        return new Permit(this, teamId);
    }

    /// <summary>How many of <paramref name="teamId"/>'s requests hold a permit now (for tests and telemetry).</summary>
    public int InFlight(string teamId)
    {
        lock (_gate)
            return _teams.TryGetValue(teamId, out var share) ? share.InFlight : 0;
    }

    private void Release(string teamId)
    {
        lock (_gate)
        {
            var share = _teams[teamId];
            share.InFlight--;
            _inFlight--;
            Dispatch();
            Forget(teamId, share);
        }
    }

    private void Abandon(string teamId, LinkedListNode<TaskCompletionSource> waiter)
    {
        lock (_gate)
        {
            // Granted already (no longer queued): the caller gets the permit and releases it as usual.
            if (waiter.List is null)
                return;
            var share = _teams[teamId];
            share.Waiting.Remove(waiter);
            waiter.Value.TrySetCanceled();
            Forget(teamId, share);
        }
    }

    /// <summary>Hands free permits to waiting teams below their share, fewest in flight first.</summary>
    private void Dispatch()
    {
        while (_inFlight < total)
        {
            TeamShare? next = null;
            foreach (var share in _teams.Values)
            {
                if (share.Waiting.Count == 0 || share.InFlight >= _perTeam)
                    continue;
                if (next is null || share.InFlight < next.InFlight || (share.InFlight == next.InFlight && share.LastServed < next.LastServed))
                    next = share;
            }
            if (next is null)
                return;
            var waiter = next.Waiting.First!;
            next.Waiting.RemoveFirst();
            Grant(next);
            waiter.Value.TrySetResult();
        }
    }

    private void Grant(TeamShare share)
    {
        share.InFlight++;
        share.LastServed = ++_turn;
        _inFlight++;
    }

    private TeamShare Share(string teamId)
    {
        if (!_teams.TryGetValue(teamId, out var share))
            _teams[teamId] = share = new TeamShare();
        return share;
    }

    /// <summary>Idle teams are not remembered, so the table holds only teams with requests.</summary>
    private void Forget(string teamId, TeamShare share)
    {
        if (share.InFlight == 0 && share.Waiting.Count == 0)
            _teams.Remove(teamId);
    }

    private sealed class TeamShare
    {
        public int InFlight;
        public long LastServed;
        public readonly LinkedList<TaskCompletionSource> Waiting = new();
    }

    private sealed class Permit(StripeConcurrency owner, string teamId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                owner.Release(teamId);
        }
    }
}
