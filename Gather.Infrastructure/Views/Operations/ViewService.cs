using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Relationships.Operations;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Views.Operations;

/// <summary>What a caller asks <c>createView</c> or <c>updateView</c> for, before validation; null keeps a value on update.</summary>
public sealed record ViewInput(string? Name, string? ModelId, IReadOnlyList<string?>? Columns, FilterInput? Where, IReadOnlyList<SortInput>? Order);

/// <summary>
/// Creates, updates, lists and deletes a team's views, and turns a view plus a caller's
/// arguments into one query: the view's filter AND the caller's, the caller's order when given.
/// </summary>
public sealed class ViewService(IOptions<ViewOptions> options, IOptions<SyncOptions> sync, RecordQueryBuilder queries, TimeProvider clock,
    ModelService models, RelationshipService relationships, ViewIndexes indexes)
{
    public Task<IReadOnlyList<View>> ListAsync(ITeamStore team, CancellationToken cancellationToken) =>
        team.Views.ListAsync(options.Value.MaxViewsPerTeam, cancellationToken);

    public Task<View?> GetAsync(ITeamStore team, string id, CancellationToken cancellationToken) => team.Views.GetAsync(id, cancellationToken);

    /// <summary>The view named <paramref name="name"/>, ignoring case as names are unique; null for a name no view could have.</summary>
    public Task<View?> GetByNameAsync(ITeamStore team, string name, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > options.Value.MaxNameLength
            ? Task.FromResult<View?>(null)
            : team.Views.GetByNameAsync(name, cancellationToken);

    public async Task<Result<View>> CreateAsync(ITeamStore team, ViewInput input, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var name = CheckName(input.Name, problems);
        ModelPaths? paths = null;
        if (string.IsNullOrWhiteSpace(input.ModelId))
            problems.Add(new("modelId", "required", "Name the model the view shows by its id."));
        else if (await PathsAsync(team, input.ModelId, cancellationToken) is not { } found)
            problems.Add(new("modelId", "notFound", $"No model with id '{input.ModelId}' exists in this team."));
        else if (found.Model.Kind == ModelKind.Integration)
            problems.Add(new("modelId", "integrationModel", $"{found.Model.Name} is read from its integration on demand and cannot be listed through a view."));
        else
            paths = found;
        var columns = CheckColumns(input.Columns ?? [], problems, paths);
        CheckQuery(input.Where, input.Order, problems, paths);
        if (problems.Count == 0 && (await ListAsync(team, cancellationToken)).Count >= options.Value.MaxViewsPerTeam)
            problems.Add(new("name", "limit", $"A team may have at most {options.Value.MaxViewsPerTeam} views (Gather:Views:MaxViewsPerTeam)."));
        if (problems.Count > 0)
            return Result<View>.Invalid(problems);

        var now = StoreTime.Now(clock);
        var view = new View(DocumentIds.New("view"), team.TeamId, name!, input.ModelId!, columns,
            input.Where is null ? null : FilterInputJson.ToJson(input.Where), input.Order ?? [], now, now);
        try
        {
            await team.Views.InsertAsync(view, cancellationToken);
        }
        catch (DuplicateDocumentException)
        {
            return Result<View>.Invalid([NameTaken(name!)]);
        }
        // A view is saved even when the team is at its index limit; it then says it is served without one.
        await indexes.HoldAsync(team, view, cancellationToken);
        return Result<View>.Ok(view);
    }

    /// <summary>Changes what is given (name, columns, filter, order); the model a view shows never changes.</summary>
    public async Task<Result<View>> UpdateAsync(ITeamStore team, string? id, ViewInput input, CancellationToken cancellationToken)
    {
        var view = string.IsNullOrWhiteSpace(id) ? null : await team.Views.GetAsync(id, cancellationToken);
        if (view is null)
            return NotFound(id ?? "");
        var problems = new List<ValidationProblem>();
        var name = input.Name is null ? view.Name : CheckName(input.Name, problems);
        // A view whose model was deleted can still be renamed; there is nothing to check its paths against.
        var paths = input.Columns is null && input.Where is null && input.Order is null ? null : await PathsAsync(team, view.ModelId, cancellationToken);
        var columns = input.Columns is null ? view.Columns : CheckColumns(input.Columns, problems, paths);
        CheckQuery(input.Where, input.Order, problems, paths);
        if (problems.Count > 0)
            return Result<View>.Invalid(problems);
        var changed = view with
        {
            Name = name!,
            Columns = columns,
            Where = input.Where is null ? view.Where : FilterInputJson.ToJson(input.Where),
            Order = input.Order ?? view.Order,
            UpdatedAt = StoreTime.Now(clock),
        };
        try
        {
            if (await team.Views.UpdateAsync(changed, cancellationToken) is not { } stored)
                return NotFound(view.Id);
            // Any save holds what the view needs now: a changed filter or order lets go of the old index, and a view
            // saved at the limit gets its index once there is room.
            await indexes.HoldAsync(team, stored, cancellationToken);
            return Result<View>.Ok(stored);
        }
        catch (DuplicateDocumentException)
        {
            return Result<View>.Invalid([NameTaken(name!)]);
        }
    }

    public async Task<Result<View>> DeleteAsync(ITeamStore team, string? id, CancellationToken cancellationToken)
    {
        var view = string.IsNullOrWhiteSpace(id) ? null : await team.Views.GetAsync(id, cancellationToken);
        if (view is null || !await team.Views.DeleteAsync(view.Id, cancellationToken))
            return NotFound(id ?? "");
        await indexes.ReleaseAsync(team, view.Id, cancellationToken);
        return Result<View>.Ok(view);
    }

    /// <summary>
    /// The query for reading <paramref name="view"/> with a caller's arguments: both filters must
    /// hold; the caller's order replaces the view's when given. Problems name the caller's arguments.
    /// Given the model's <paramref name="paths"/>, the caller's paths and the saved ones are checked.
    /// </summary>
    public Result<RecordQuery> QueryFor(View view, FilterInput? where, IReadOnlyList<SortInput>? order, string? search, PageInput page,
        ModelPaths? paths = null)
    {
        var savedOrder = order is not { Count: > 0 };
        var caller = queries.Build(where, savedOrder ? view.Order : order, search, page, paths);
        // A problem with the view's own order is the view's, not an argument the caller sent.
        if (!caller.Succeeded && savedOrder)
            return new Result<RecordQuery>(null, caller.Problems.Select(p => p is ValidationProblem v && v.Field.StartsWith("order", StringComparison.Ordinal)
                ? v with { Field = "view." + v.Field, Message = $"The view's saved order no longer holds: {v.Message} Update the view." } : p).ToList());
        if (!caller.Succeeded || view.Where is null)
            return caller;
        var saved = queries.BuildFilter(FilterInputJson.FromJson(view.Where), paths);
        if (!saved.Succeeded)
            return Result<RecordQuery>.Invalid([new("view.where", "invalidSavedFilter",
                $"The view's saved filter no longer holds: {string.Join(" ", saved.Problems.Select(p => p.Message))} Update the view.",
                saved.Problems.OfType<ValidationProblem>().Select(p => p.Suggestion).FirstOrDefault(s => s is not null))]);
        var combined = caller.Value!.Where is null ? saved.Value : new AllOf([saved.Value!, caller.Value.Where]);
        return Result<RecordQuery>.Ok(caller.Value with { Where = combined });
    }

    private string? CheckName(string? name, List<ValidationProblem> problems)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            problems.Add(new("name", "required", "A view needs a name, e.g. `Paid orders`."));
        else if (trimmed.Length > options.Value.MaxNameLength)
            problems.Add(new("name", "maxLength", $"A view name may be at most {options.Value.MaxNameLength} characters (Gather:Views:MaxNameLength)."));
        else
            return trimmed;
        return null;
    }

    private List<string> CheckColumns(IReadOnlyList<string?> columns, List<ValidationProblem> problems, ModelPaths? paths)
    {
        if (columns.Count > options.Value.MaxColumns)
            problems.Add(new("columns", "limit", $"A view may have at most {options.Value.MaxColumns} columns (Gather:Views:MaxColumns)."));
        var valid = new List<string>();
        for (var i = 0; i < columns.Count && i < options.Value.MaxColumns; i++)
        {
            var path = FieldPath.TryParse(columns[i], sync.Value.MaxDepth, sync.Value.MaxFieldNameLength, out var problem);
            if (path is null)
                problems.Add(new($"columns[{i}]", "fieldPath", problem!));
            else if (valid.Contains(path.ToString()))
                problems.Add(new($"columns[{i}]", "duplicate", $"Column '{path}' is listed twice."));
            else if (paths?.CheckColumn($"columns[{i}]", path) is { } unknown)
                problems.Add(unknown);
            else
                valid.Add(path.ToString());
        }
        return valid;
    }

    /// <summary>A saved filter and order must be valid queries now; problems are reported under their argument names.</summary>
    private void CheckQuery(FilterInput? where, IReadOnlyList<SortInput>? order, List<ValidationProblem> problems, ModelPaths? paths)
    {
        var built = queries.Build(where, order, null, new PageInput(), paths);
        problems.AddRange(built.Problems.OfType<ValidationProblem>());
    }

    /// <summary>
    /// The paths a view of the model may name, through its relationships too; null when the team
    /// has no such model. Reads the team's models, relationships and the catalogues involved (3 round trips).
    /// </summary>
    private async Task<ModelPaths?> PathsAsync(ITeamStore team, string modelId, CancellationToken cancellationToken)
    {
        var teamModels = await models.ListAsync(team, cancellationToken);
        if (teamModels.FirstOrDefault(m => m.Id == modelId) is not { } model)
            return null;
        if (model.Kind == ModelKind.Integration)
            return ModelPaths.For(model, []);
        var sides = (await relationships.ListAsync(team, cancellationToken)).SelectMany(r => r.SidesFrom(model.Id))
            .Select(s => (Side: s, Target: teamModels.FirstOrDefault(m => m.Id == s.TargetModelId)))
            .Where(s => s.Target is not null).ToList();
        var fields = await models.FieldsAsync(team, sides.Select(s => s.Target!).Append(model).ToList(), cancellationToken);
        return ModelPaths.For(model, fields[model.Id],
            sides.Select(s => new PathThrough(s.Side, s.Target!, ModelPaths.For(s.Target!, fields[s.Target!.Id]))).ToList());
    }

    private static ValidationProblem NameTaken(string name) =>
        new("name", "unique", $"This team already has a view named '{name}' (names are compared ignoring case).");

    private static Result<View> NotFound(string id) =>
        Result<View>.NotFound(new NotFoundProblem(id, $"No view with id '{id}' exists in this team."));
}
