using System.Collections.Concurrent;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships.Operations;
using Gather.Infrastructure.Teams;
using GraphQL.Types;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gather.Schema.Typed;

/// <summary>
/// Each team's typed schema, built once and reused. It is checked again (its models, field
/// catalogues, relationships and tasks read, four round trips) after this instance saw a change
/// (a mutation, a sync), or after <see cref="GraphQLLimitsOptions.TeamSchemaCheckSeconds"/>;
/// it is rebuilt only when what it was built from differs (<see cref="TeamSchemaPlan.Fingerprint"/>).
/// A rebuild never blocks requests: those in flight keep the schema they started with, and
/// others use the previous one until the new one is ready. At most
/// <see cref="GraphQLLimitsOptions.TeamSchemaCacheSize"/> teams are kept; the least recently used goes first.
/// </summary>
public sealed class TeamSchemaCache(TeamSchemaFactory factory, GatherSchema baseSchema, IGatherStore store, ModelService models,
    RelationshipService relationships, IOptions<GraphQLLimitsOptions> options, TimeProvider clock, ILogger<TeamSchemaCache> logger)
    : IRecordsSyncedListener
{
    /// <param name="TypesChanged">A field's type changed (INT widened to FLOAT): requests wait for the new schema rather than read with the old one.</param>
    private sealed record Entry(TeamSchemaPlan Plan, ISchema Schema, DateTimeOffset CheckedAt, bool Stale, bool TypesChanged = false)
    {
        /// <summary>When a request last used this schema (<see cref="TimeProvider.GetTimestamp"/>), for eviction.</summary>
        public long UsedAt;
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    // How many changes (and type changes) this instance saw per team. A check notes them before it
    // reads the plan: a change that lands while it reads would otherwise be lost when the check
    // stores its (already old) plan as fresh.
    private readonly ConcurrentDictionary<string, Changes> _changes = new(StringComparer.Ordinal);

    private sealed record Changes(long Any, long OfTypes);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _builds = new(StringComparer.Ordinal);
    private readonly Lazy<ReservedNames> _reserved = new(factory.Reserved);

    public async Task<ISchema> GetAsync(string teamId, CancellationToken cancellationToken)
    {
        if (!options.Value.TypedSchema)
            return baseSchema;
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(teamId, out var entry) && IsFresh(entry, now))
            return Use(entry);
        var build = _builds.GetOrAdd(teamId, _ => new SemaphoreSlim(1, 1));
        // Someone is already checking or rebuilding: use the schema there is, if any, unless a type in it changed.
        var mustWait = entry is null || entry.TypesChanged;
        if (!mustWait && !await build.WaitAsync(0, cancellationToken))
            return Use(entry!);
        if (mustWait)
            await build.WaitAsync(cancellationToken);
        try
        {
            if (_entries.TryGetValue(teamId, out entry) && IsFresh(entry, now))
                return Use(entry);
            var before = _changes.GetValueOrDefault(teamId) ?? new Changes(0, 0);
            var plan = await PlanAsync(teamId, cancellationToken);
            var schema = entry is not null && entry.Plan.Fingerprint == plan.Fingerprint ? entry.Schema : Build(teamId, plan);
            // Changed while the plan was read: stored, but checked again by the next request.
            var after = _changes.GetValueOrDefault(teamId) ?? before;
            _entries[teamId] = new Entry(plan, schema, clock.GetUtcNow(), Stale: after.Any != before.Any, TypesChanged: after.OfTypes != before.OfTypes)
            {
                UsedAt = clock.GetTimestamp(),
            };
            if (entry is null)
                EvictBeyondLimit(teamId);
            return schema;
        }
        finally
        {
            build.Release();
        }
    }

    // Nothing on this instance changed it, and it was checked recently enough.
    private bool IsFresh(Entry entry, DateTimeOffset now) =>
        !entry.Stale && now - entry.CheckedAt < TimeSpan.FromSeconds(options.Value.TeamSchemaCheckSeconds);

    private ISchema Use(Entry entry)
    {
        entry.UsedAt = clock.GetTimestamp();
        return entry.Schema;
    }

    /// <summary>
    /// With more teams than the limit, drops the schemas used longest ago (never the one just
    /// added). Runs only when a team's schema is added, so its scan costs nothing per request.
    /// </summary>
    private void EvictBeyondLimit(string addedTeamId)
    {
        var limit = options.Value.TeamSchemaCacheSize;
        while (_entries.Count > limit)
        {
            var oldest = _entries.Where(e => e.Key != addedTeamId).MinBy(e => e.Value.UsedAt);
            if (oldest.Key is null || !_entries.TryRemove(oldest))
                return;
            _changes.TryRemove(oldest.Key, out _);
            // Its lock goes too, unless a check holds it right now (then it stays until the next eviction).
            if (_builds.TryGetValue(oldest.Key, out var build) && build.CurrentCount == 1)
                _builds.TryRemove(new KeyValuePair<string, SemaphoreSlim>(oldest.Key, build));
            logger.LogInformation("Dropped the typed schema of team {TeamId}: more than {Limit} teams' schemas are kept", oldest.Key, limit);
        }
    }

    /// <summary>
    /// The team's schema. Should graphql-dotnet refuse it (a case the naming rule did not foresee),
    /// <see cref="TeamSchemaFallback"/> leaves out what fails on its own and keeps the rest; with
    /// nothing typed buildable, the team keeps Gather's own schema rather than losing every request.
    /// </summary>
    private ISchema Build(string teamId, TeamSchemaPlan plan)
    {
        var started = clock.GetTimestamp();
        if (TeamSchemaFallback.Build(factory, plan, logger, teamId) is not { } schema)
            return baseSchema;
        // What was built: the fallback may have left parts of the plan out.
        var built = schema.GetMetadata<TeamSchemaPlan>(ModelTypedApi.PlanKey) ?? plan;
        logger.LogInformation("Built the typed schema of team {TeamId}: {Models} models, {Fields} fields, in {Milliseconds:0.0} ms",
            teamId, built.Models.Count, built.Models.Sum(m => m.Fields.Count), clock.GetElapsedTime(started).TotalMilliseconds);
        return schema;
    }

    /// <summary>Marks the team's schema for a check on its next request (its models, fields, relationships or tasks may have changed).</summary>
    public void Invalidate(string teamId) => Invalidate(teamId, typesChanged: false);

    private void Invalidate(string teamId, bool typesChanged)
    {
        // A team this instance never built a schema for has nothing to check again (and no count to keep).
        if (!_entries.ContainsKey(teamId) && !_builds.ContainsKey(teamId))
            return;
        _changes.AddOrUpdate(teamId, _ => new Changes(1, typesChanged ? 1 : 0),
            (_, seen) => new Changes(seen.Any + 1, seen.OfTypes + (typesChanged ? 1 : 0)));
        // Retried when another request replaced the entry in between, so a type change is never lost.
        while (_entries.TryGetValue(teamId, out var entry)
               && !_entries.TryUpdate(teamId, entry with { Stale = true, TypesChanged = entry.TypesChanged || typesChanged }, entry))
        {
        }
    }

    /// <summary>
    /// A sync that wrote a field the team's typed type (or Account, Customer) does not have yet
    /// makes the next request check the schema; other syncs change nothing here (a field's type
    /// changes only when a sync settles or widens it, see <see cref="FieldsSettled"/>).
    /// </summary>
    public void RecordsSynced(string teamId, string modelId, IReadOnlyCollection<string> fields)
    {
        if (!_entries.TryGetValue(teamId, out var entry))
            return;
        if (entry.Plan.Lacks(modelId, fields))
            Invalidate(teamId);
    }

    /// <summary>
    /// A sync settled or widened a field's kind (INT to FLOAT): the next requests on this instance
    /// wait for the schema with the new type, so none reads a widened value with the old one.
    /// Other instances see it at their next check; until then such a value is an error at its path.
    /// </summary>
    public void FieldsSettled(string teamId, string modelId) => Invalidate(teamId, typesChanged: true);

    private async Task<TeamSchemaPlan> PlanAsync(string teamId, CancellationToken cancellationToken)
    {
        var team = store.ForTeam(teamId);
        var teamModels = await models.ListAsync(team, cancellationToken);
        // Custom models become types; Account and Customer gain typed fields for what the team syncs into them.
        var typed = teamModels.Where(m => m.Kind is ModelKind.Custom or ModelKind.Standard).ToList();
        var custom = typed.Any(m => m.Kind == ModelKind.Custom);
        var fields = typed.Count == 0 ? new Dictionary<string, IReadOnlyList<ModelField>>() : await models.FieldsAsync(team, typed, cancellationToken);
        var teamRelationships = custom ? await relationships.ListAsync(team, cancellationToken) : [];
        var tasks = custom ? await team.IntegrationTasks.ListAsync(cancellationToken) : [];
        var reserved = _reserved.Value;
        try
        {
            return TeamSchemaPlan.Build(teamModels, fields, teamRelationships, tasks, reserved.TypeNames, reserved.RootFields, reserved.StandardTypeFields,
                TypedApiLimits.From(options.Value));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Planning reads nothing more; should it fail on data nobody foresaw, the team keeps Gather's
            // own schema, each custom model says why, and the next check plans again.
            logger.LogError(e, "Could not plan the typed schema of team {TeamId}; it gets Gather's schema until its models change", teamId);
            var problem = "Gather could not plan this team's typed schema; every model stays readable through `records(modelId:)`.";
            return new TeamSchemaPlan([], new Dictionary<string, IReadOnlyList<TypedField>>(), "unplanned")
            {
                Problems = teamModels.Where(m => m.Kind == ModelKind.Custom).DistinctBy(m => m.Id).ToDictionary(m => m.Id, _ => problem, StringComparer.Ordinal),
            };
        }
    }
}
