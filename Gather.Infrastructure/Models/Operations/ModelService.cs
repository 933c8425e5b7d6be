using System.Text.RegularExpressions;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Models.Operations;

/// <summary>Creates, renames, declares fields of and deletes a team's models, validating input before anything is stored.</summary>
public sealed partial class ModelService(IOptions<ModelOptions> options, IOptions<SyncOptions> sync, TimeProvider clock)
{
    /// <summary>A deleted model and how many records went with it.</summary>
    public sealed record Deleted(Model Model, long RecordCount);

    public Task<IReadOnlyList<Model>> ListAsync(ITeamStore team, CancellationToken cancellationToken) =>
        team.Models.ListAsync(options.Value.MaxModelsPerTeam, cancellationToken);

    public Task<Model?> GetAsync(ITeamStore team, string id, CancellationToken cancellationToken) =>
        team.Models.GetAsync(id, cancellationToken);

    /// <summary>Account and Customer exist for every team; safe to call again.</summary>
    public Task EnsureStandardModelsAsync(ITeamStore team, CancellationToken cancellationToken) =>
        team.Models.EnsureAsync(StandardModels.For(team.TeamId, StoreTime.Now(clock)), cancellationToken);

    /// <summary>The field catalogues of several models, read in one round trip.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ModelField>>> FieldsAsync(ITeamStore team, IReadOnlyCollection<Model> models,
        CancellationToken cancellationToken)
    {
        var statistics = await team.Models.GetFieldStatisticsAsync(models.Select(m => m.Id).ToList(), cancellationToken);
        return models.DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => FieldCatalogue.Build(m, statistics.GetValueOrDefault(m.Id) ?? []),
            StringComparer.Ordinal);
    }

    /// <summary>A model and its field catalogue, read together; null when the team has no such model.</summary>
    public async Task<(Model Model, IReadOnlyList<ModelField> Fields)?> GetWithFieldsAsync(ITeamStore team, string id,
        CancellationToken cancellationToken) =>
        await team.Models.GetWithFieldStatisticsAsync(id, cancellationToken) is { } found
            ? (found.Model, FieldCatalogue.Build(found.Model, found.Statistics))
            : null;

    public async Task<Result<Model>> CreateAsync(ITeamStore team, string? name, string? idField,
        IReadOnlyList<(string? Path, FieldType Type)>? fields, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var trimmed = CheckName(name, problems);
        if (string.IsNullOrEmpty(idField))
            problems.Add(new("idField", "required", "A model needs an ID field: the field whose value identifies a record, e.g. `id`."));
        else if (FieldNames.Check(idField, sync.Value.MaxFieldNameLength) is { } broken)
            problems.Add(new("idField", broken.Rule, broken.Message));
        var declared = CheckDeclaredFields(fields ?? [], idField, new HashSet<string>(), problems);
        if (problems.Count == 0 && (await team.Models.ListAsync(options.Value.MaxModelsPerTeam, cancellationToken)).Count >= options.Value.MaxModelsPerTeam)
            problems.Add(new("name", "limit", $"A team may have at most {options.Value.MaxModelsPerTeam} models (Gather:Models:MaxModelsPerTeam)."));
        if (problems.Count > 0)
            return Result<Model>.Invalid(problems);

        var now = StoreTime.Now(clock);
        var model = new Model(DocumentIds.New("model"), team.TeamId, trimmed!, ModelKind.Custom, idField!, declared, now, now);
        try
        {
            await team.Models.InsertAsync(model, cancellationToken);
        }
        catch (DuplicateDocumentException)
        {
            return Result<Model>.Invalid([NameTaken(trimmed!)]);
        }
        return Result<Model>.Ok(model);
    }

    public async Task<Result<Model>> RenameAsync(ITeamStore team, string? id, string? name, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var trimmed = CheckName(name, problems);
        if (problems.Count > 0)
            return Result<Model>.Invalid(problems);
        var found = await FindCustomAsync(team, id, "renamed", cancellationToken);
        if (!found.Succeeded)
            return found;
        try
        {
            var renamed = await team.Models.UpdateAsync(found.Value! with { Name = trimmed!, UpdatedAt = StoreTime.Now(clock) }, cancellationToken);
            return renamed is null ? NotFound(id!) : Result<Model>.Ok(renamed);
        }
        catch (DuplicateDocumentException)
        {
            return Result<Model>.Invalid([NameTaken(trimmed!)]);
        }
    }

    /// <summary>Declares (or re-declares) field types; other declarations are kept. Stored values are not rewritten.</summary>
    public async Task<Result<Model>> DeclareFieldsAsync(ITeamStore team, string? id, IReadOnlyList<(string? Path, FieldType Type)> fields,
        CancellationToken cancellationToken)
    {
        var model = await FindAsync(team, id, cancellationToken);
        if (model is null)
            return NotFound(id ?? "");
        var problems = new List<ValidationProblem>();
        var builtIn = model.Kind == ModelKind.Standard
            ? StandardModels.For(team.TeamId, model.CreatedAt).Single(m => m.Id == model.Id).DeclaredFields.Select(f => f.Path).ToHashSet()
            : new HashSet<string>();
        var declared = CheckDeclaredFields(fields, model.IdField, builtIn, problems);
        var merged = model.DeclaredFields.Where(f => declared.All(d => d.Path != f.Path)).Concat(declared).ToList();
        if (merged.Count > options.Value.MaxDeclaredFields)
            problems.Add(new("fields", "limit", $"A model may declare at most {options.Value.MaxDeclaredFields} fields (Gather:Models:MaxDeclaredFields)."));
        if (problems.Count > 0)
            return Result<Model>.Invalid(problems);
        var updated = await team.Models.UpdateAsync(model with { DeclaredFields = merged, UpdatedAt = StoreTime.Now(clock) }, cancellationToken);
        return updated is null ? NotFound(model.Id) : Result<Model>.Ok(updated);
    }

    /// <summary>Deletes a custom model and all its records. <paramref name="confirmName"/> must repeat the model's name.</summary>
    public async Task<Result<Deleted>> DeleteAsync(ITeamStore team, string? id, string? confirmName, CancellationToken cancellationToken)
    {
        var found = await FindCustomAsync(team, id, "deleted", cancellationToken);
        if (!found.Succeeded)
            return new Result<Deleted>(null, found.Problems);
        var model = found.Value!;
        if (!string.Equals(confirmName, model.Name, StringComparison.Ordinal))
            return Result<Deleted>.Invalid([new("confirmName", "confirmation",
                $"Deleting a model deletes all its records: repeat its name '{model.Name}' in confirmName to confirm.")]);
        var records = await team.Models.DeleteAsync(model.Id, cancellationToken);
        if (records is null)
            return new Result<Deleted>(null, NotFound(model.Id).Problems);
        await ReleaseIndexesAsync(team, model.Id, cancellationToken);
        return Result<Deleted>.Ok(new Deleted(model, records.Value));
    }

    /// <summary>
    /// The model's indexes go with it: every owner (a person's createIndex, a view or a task on the
    /// model) lets go of them and keeps its indexes on other models, so they are dropped and stop
    /// counting against the team's limit.
    /// </summary>
    private static async Task ReleaseIndexesAsync(ITeamStore team, string modelId, CancellationToken cancellationToken)
    {
        var indexes = await team.FieldIndexes.ListAsync(cancellationToken);
        foreach (var owner in indexes.Where(i => i.Key.ModelId == modelId).SelectMany(i => i.Owners).Distinct().ToList())
        {
            var kept = indexes.Where(i => i.Key.ModelId != modelId && i.Owners.Contains(owner)).Select(i => i.Key).ToList();
            // Every kept index is already held, so no limit can refuse it.
            await team.FieldIndexes.HoldAsync(owner, kept, int.MaxValue, cancellationToken);
        }
    }

    private async Task<Model?> FindAsync(ITeamStore team, string? id, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(id) ? null : await team.Models.GetAsync(id, cancellationToken);

    private async Task<Result<Model>> FindCustomAsync(ITeamStore team, string? id, string verb, CancellationToken cancellationToken)
    {
        var model = await FindAsync(team, id, cancellationToken);
        if (model is null)
            return NotFound(id ?? "");
        if (model.Kind != ModelKind.Custom)
            return Result<Model>.Invalid([new("id", "standardModel",
                $"{model.Name} is a {model.Kind.ToString().ToLowerInvariant()} model and cannot be {verb}.")]);
        return Result<Model>.Ok(model);
    }

    private static Result<Model> NotFound(string id) =>
        Result<Model>.NotFound(new NotFoundProblem(id, $"No model with id '{id}' exists in this team."));

    private static ValidationProblem NameTaken(string name) =>
        new("name", "unique", $"This team already has a model named '{name}' (names are compared ignoring case).");

    private string? CheckName(string? name, List<ValidationProblem> problems)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            problems.Add(new("name", "required", "A model needs a name, e.g. `Orders`."));
        else if (trimmed.Length > options.Value.MaxNameLength)
            problems.Add(new("name", "maxLength", $"A model name may be at most {options.Value.MaxNameLength} characters."));
        else if (!ModelName().IsMatch(trimmed))
            problems.Add(new("name", "characters", "A model name starts with a letter and holds letters, digits, spaces, '_' and '-'."));
        else
            return trimmed;
        return null;
    }

    private List<DeclaredField> CheckDeclaredFields(IReadOnlyList<(string? Path, FieldType Type)> fields, string? idField,
        IReadOnlySet<string> builtIn, List<ValidationProblem> problems)
    {
        var declared = new List<DeclaredField>();
        for (var i = 0; i < fields.Count; i++)
        {
            var (text, type) = fields[i];
            var field = $"fields[{i}].path";
            var path = FieldPath.TryParse(text, sync.Value.MaxDepth, sync.Value.MaxFieldNameLength, out var problem);
            if (path is null)
                problems.Add(new(field, "fieldPath", problem!));
            else if (declared.Any(d => d.Path == path.ToString()))
                problems.Add(new(field, "duplicate", $"Field '{path}' is declared twice."));
            else if (builtIn.Contains(path.ToString()))
                problems.Add(new(field, "standardField", $"Field '{path}' is built into the standard model and keeps its type."));
            else if (path.ToString() == idField && type is not (FieldType.String or FieldType.Int))
                problems.Add(new(field, "idFieldType", $"The ID field '{idField}' can be declared STRING or INT only."));
            else
                declared.Add(new DeclaredField(path.ToString(), type));
        }
        if (declared.Count > options.Value.MaxDeclaredFields)
            problems.Add(new("fields", "limit", $"A model may declare at most {options.Value.MaxDeclaredFields} fields (Gather:Models:MaxDeclaredFields)."));
        return declared;
    }

    [GeneratedRegex(@"^\p{L}[\p{L}\p{N} _-]*$")]
    private static partial Regex ModelName();
}
