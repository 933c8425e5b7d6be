using System.Text.RegularExpressions;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Relationships.Operations;

/// <summary>What a caller asks <c>createRelationship</c> for, before validation.</summary>
public sealed record RelationshipInput(
    string? FromModelId, string? FromField, string? ToModelId, string? ToField, string? Name, string? InverseName);

/// <summary>Creates, lists and deletes a team's relationships, validating input before anything is stored.</summary>
public sealed partial class RelationshipService(IOptions<RelationshipOptions> options, IOptions<ModelOptions> models,
    IOptions<SyncOptions> sync, TimeProvider clock, ModelService modelService)
{
    public Task<IReadOnlyList<Relationship>> ListAsync(ITeamStore team, CancellationToken cancellationToken) =>
        team.Relationships.ListAsync(options.Value.MaxRelationshipsPerTeam, cancellationToken);

    /// <summary>Customer.account ↔ Account.customers exists for every team; safe to call again.</summary>
    public Task EnsureStandardAsync(ITeamStore team, CancellationToken cancellationToken) =>
        team.Relationships.EnsureAsync(StandardRelationships.For(team.TeamId, StoreTime.Now(clock)), cancellationToken);

    public async Task<Result<Relationship>> CreateAsync(ITeamStore team, RelationshipInput input, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var name = CheckName(input.Name, "name", problems);
        var inverseName = CheckName(input.InverseName, "inverseName", problems);
        var fromField = CheckField(input.FromField, "fromField", problems);
        var toField = CheckField(input.ToField, "toField", problems);
        if (string.IsNullOrWhiteSpace(input.FromModelId))
            problems.Add(new("fromModelId", "required", "Name the model the relationship starts from by its id."));
        if (string.IsNullOrWhiteSpace(input.ToModelId))
            problems.Add(new("toModelId", "required", "Name the model the relationship leads to by its id."));
        if (input.FromModelId == input.ToModelId && name is not null && name == inverseName)
            problems.Add(new("inverseName", "distinct", "A model related to itself needs different names for the two directions."));
        if (problems.Count > 0)
            return Result<Relationship>.Invalid(problems);

        var teamModels = await team.Models.ListAsync(models.Value.MaxModelsPerTeam, cancellationToken);
        var from = teamModels.FirstOrDefault(m => m.Id == input.FromModelId);
        var to = teamModels.FirstOrDefault(m => m.Id == input.ToModelId);
        if (from is null)
            problems.Add(new("fromModelId", "notFound", $"No model with id '{input.FromModelId}' exists in this team."));
        if (to is null)
            problems.Add(new("toModelId", "notFound", $"No model with id '{input.ToModelId}' exists in this team."));
        if (from?.Kind == ModelKind.Integration)
            problems.Add(new("fromModelId", "integrationModel",
                $"{from.Name} is read from its integration; relationships start from a model whose records Gather stores (e.g. Orders → {from.Name})."));
        if (to?.Kind == ModelKind.Integration && toField != to.IdField)
            problems.Add(new("toField", "integrationField", $"{to.Name} records are found by their Stripe id: use toField \"{to.IdField}\"."));
        if (problems.Count > 0)
            return Result<Relationship>.Invalid(problems);
        problems.AddRange(await CheckKnownFieldsAsync(team, from!, fromField!, to!, toField!, cancellationToken));
        if (problems.Count > 0)
            return Result<Relationship>.Invalid(problems);

        var existing = await ListAsync(team, cancellationToken);
        if (existing.Count >= options.Value.MaxRelationshipsPerTeam)
            problems.Add(new("name", "limit",
                $"A team may have at most {options.Value.MaxRelationshipsPerTeam} relationships (Gather:Relationships:MaxRelationshipsPerTeam)."));
        if (existing.SelectMany(r => r.SidesFrom(from!.Id)).Any(s => s.Name == name))
            problems.Add(NameTaken("name", name!, from!));
        if (existing.SelectMany(r => r.SidesFrom(to!.Id)).Any(s => s.Name == inverseName))
            problems.Add(NameTaken("inverseName", inverseName!, to!));
        if (problems.Count > 0)
            return Result<Relationship>.Invalid(problems);

        var relationship = new Relationship(DocumentIds.New("rel"), team.TeamId, name!, inverseName!, from!.Id, fromField!,
            to!.Id, toField!, RelationshipKind.Custom, StoreTime.Now(clock));
        try
        {
            await team.Relationships.InsertAsync(relationship, cancellationToken);
        }
        catch (DuplicateDocumentException)
        {
            // Another request took one of the names between the check and the insert.
            return Result<Relationship>.Invalid([NameTaken("name", name!, from)]);
        }
        return Result<Relationship>.Ok(relationship);
    }

    public async Task<Result<Relationship>> DeleteAsync(ITeamStore team, string? id, CancellationToken cancellationToken)
    {
        var relationship = (await ListAsync(team, cancellationToken)).FirstOrDefault(r => r.Id == id);
        if (relationship is null)
            return Result<Relationship>.NotFound(new NotFoundProblem(id ?? "", $"No relationship with id '{id}' exists in this team."));
        if (relationship.Kind == RelationshipKind.Standard)
            return Result<Relationship>.Invalid([new("id", "standardRelationship",
                $"'{relationship.Name}' is built in (Customer.account ↔ Account.customers) and cannot be deleted.")]);
        return await team.Relationships.DeleteAsync(relationship.Id, cancellationToken)
            ? Result<Relationship>.Ok(relationship)
            : Result<Relationship>.NotFound(new NotFoundProblem(relationship.Id, $"No relationship with id '{id}' exists in this team."));
    }

    private string? CheckName(string? name, string field, List<ValidationProblem> problems)
    {
        if (string.IsNullOrEmpty(name))
            problems.Add(new(field, "required", field == "name"
                ? "Name the relationship as it is navigated from the first model, e.g. `account`."
                : "Name the way back from the second model, e.g. `projects`."));
        else if (name.Length > options.Value.MaxNameLength)
            problems.Add(new(field, "maxLength", $"Relationship names may be at most {options.Value.MaxNameLength} characters (Gather:Relationships:MaxNameLength)."));
        else if (!RelationshipName().IsMatch(name))
            problems.Add(new(field, "format", $"'{name}' is not a valid relationship name: use letters, digits and '_', starting with a letter or '_' (it becomes a GraphQL name)."));
        else
            return name;
        return null;
    }

    private string? CheckField(string? text, string field, List<ValidationProblem> problems)
    {
        var path = FieldPath.TryParse(text, sync.Value.MaxDepth, sync.Value.MaxFieldNameLength, out var problem);
        if (path is null)
            problems.Add(new(field, text is null ? "required" : "fieldPath", text is null ? "Name the field whose values link the records." : problem!));
        return path?.ToString();
    }

    /// <summary>Both fields must be fields the models know (<see cref="ModelPaths"/>); one read of both catalogues.</summary>
    private async Task<IEnumerable<ValidationProblem>> CheckKnownFieldsAsync(ITeamStore team, Model from, string fromField, Model to, string toField,
        CancellationToken cancellationToken)
    {
        var stored = new[] { from, to }.Where(m => m.Kind != ModelKind.Integration).ToList();
        var fields = await modelService.FieldsAsync(team, stored, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (from.Kind != ModelKind.Integration && ModelPaths.For(from, fields[from.Id]).CheckOwnField("fromField", new FieldPath(fromField.Split('.'))) is { } fromProblem)
            problems.Add(fromProblem);
        if (to.Kind != ModelKind.Integration && ModelPaths.For(to, fields[to.Id]).CheckOwnField("toField", new FieldPath(toField.Split('.'))) is { } toProblem)
            problems.Add(toProblem);
        return problems;
    }

    private static ValidationProblem NameTaken(string field, string name, Model model) =>
        new(field, "unique", $"{model.Name} already has a relationship named '{name}'.");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex RelationshipName();
}
