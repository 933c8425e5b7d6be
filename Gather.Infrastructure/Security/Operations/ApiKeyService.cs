using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Security.Operations;

/// <summary>Creates and revokes a team's API keys, validating input before anything is stored.</summary>
public sealed class ApiKeyService(IOptions<ApiKeyOptions> options, TimeProvider clock)
{
    /// <summary>A created key and its secret, which exists only in this result.</summary>
    public sealed record Created(ApiKey ApiKey, string Secret);

    public async Task<Result<Created>> CreateAsync(ITeamStore team, string? name, IReadOnlyCollection<ApiKeyScope>? scopes,
        CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? "";
        var problems = new List<ValidationProblem>();
        if (trimmed.Length == 0)
            problems.Add(new("name", "required", "An API key needs a name."));
        else if (trimmed.Length > options.Value.MaxNameLength)
            problems.Add(new("name", "maxLength", $"An API key name may be at most {options.Value.MaxNameLength} characters."));
        if (scopes is null || scopes.Count == 0)
            problems.Add(new("scopes", "required", "An API key needs at least one scope: READ, MANAGE_VIEWS, WRITE or ADMIN."));
        if (problems.Count > 0)
            return Result<Created>.Invalid(problems);

        var secret = ApiKeySecret.Generate();
        var key = new ApiKey(DocumentIds.New("key"), team.TeamId, trimmed, ApiKeySecret.Hash(secret),
            ApiKeySecret.Preview(secret), scopes!.Distinct().Order().ToArray(), StoreTime.Now(clock));
        await team.InsertApiKeyAsync(key, cancellationToken);
        return Result<Created>.Ok(new Created(key, secret));
    }

    public async Task<Result<ApiKey>> RevokeAsync(ITeamStore team, string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
            return Result<ApiKey>.Invalid([new("id", "required", "Name the API key to revoke by its id.")]);
        var revoked = await team.RevokeApiKeyAsync(id, StoreTime.Now(clock), cancellationToken);
        return revoked is null
            ? Result<ApiKey>.NotFound(new NotFoundProblem(id, $"No API key with id '{id}' exists in this team."))
            : Result<ApiKey>.Ok(revoked);
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(ITeamStore team, CancellationToken cancellationToken) =>
        team.ListApiKeysAsync(options.Value.MaxListed, cancellationToken);
}
