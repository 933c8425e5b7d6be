using Gather.Api.Authentication;
using Gather.Api.Hosting;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;
using Gather.Schema.Common;
using Microsoft.AspNetCore.Authentication;

namespace Gather.Api.Records;

/// <summary>
/// <c>POST /models/{modelId}/records</c>, the documented sync call. It upserts by the model's
/// ID field and answers with what happened to each record. Status: 200 when any record was
/// written or left unchanged, 422 when every record was rejected, 4xx for a request that
/// could not be read; 405 with <c>Allow: POST</c> for any other method. Errors use GraphQL's
/// error shape, so clients parse one format.
/// </summary>
public sealed class RecordSyncEndpoint(RecordSyncRequestReader reader, RecordService records, IGatherStore store)
{
    public async Task HandleAsync(HttpContext context, string modelId)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await RefuseMethodAsync(context, modelId);
            return;
        }
        var authentication = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        var caller = authentication.Succeeded ? CallerClaims.FromPrincipal(authentication.Principal) : null;
        if (caller is null)
        {
            await context.ChallengeAsync(ApiKeyAuthenticationHandler.SchemeName);
            return;
        }
        if (!caller.Has(ApiKeyScope.Write))
        {
            await WriteErrorsAsync(context, StatusCodes.Status403Forbidden,
                [Error("This API key lacks the 'write' scope that syncing records requires.", ErrorCodes.Forbidden)]);
            return;
        }

        var (request, problem) = await reader.ReadAsync(context.Request);
        if (problem is not null)
        {
            await ErrorResponse.WriteAsync(context.Response, problem);
            return;
        }

        Result<SyncResult> result;
        using (request)
            result = await records.SyncAsync(store.ForTeam(caller.TeamId), modelId, request!.Records, context.RequestAborted);
        if (!result.Succeeded)
        {
            var notFound = result.Problems.Any(p => p is NotFoundProblem);
            await WriteErrorsAsync(context, notFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest,
                result.Problems.Select(p => p switch
                {
                    NotFoundProblem n => Error(n.Message, ErrorCodes.NotFound, "modelId"),
                    ValidationProblem v => Error(v.Message, ErrorCodes.InvalidArgument, v.Field, v.Rule),
                    _ => Error(p.Message, ErrorCodes.InvalidArgument),
                }).ToList());
            return;
        }

        var sync = result.Value!;
        context.Response.StatusCode = sync.Outcomes.Count == 0 && sync.Errors.Count > 0
            ? StatusCodes.Status422UnprocessableEntity
            : StatusCodes.Status200OK;
        await context.Response.WriteAsJsonAsync(new SyncResponse(sync.Model.Id, sync.Created, sync.Updated, sync.Unchanged,
            sync.Outcomes.Select(o => new SyncedRecord(o.Index, o.Key, o.Status.ToString().ToLowerInvariant())).ToList(),
            sync.Errors.Select(e => new RefusedRecord(e.Message, new RefusedRecordExtensions(ErrorCodes.InvalidRecord, e.Index, e.Field, e.Rule))).ToList()),
            ReadableJson.Options, context.RequestAborted);
    }

    /// <summary>
    /// Any method but POST: 405 in Gather's error format with <c>Allow</c>, before authentication
    /// (the method is wrong whoever asks), pointing a reader at GraphQL with a query to start from.
    /// </summary>
    private static Task RefuseMethodAsync(HttpContext context, string modelId)
    {
        var shown = modelId.Length is > 0 and <= 100 ? modelId : "MODEL_ID";
        context.Response.Headers.Allow = HttpMethods.Post;
        return WriteErrorsAsync(context, StatusCodes.Status405MethodNotAllowed,
        [
            Error($"{context.Request.Method} is not supported here: /models/{{modelId}}/records only syncs records (POST). Reading records goes through GraphQL: "
                  + $"POST /graphql with {{ records(modelId: \"{shown}\", first: 50) {{ totalCount nodes {{ id fields }} }} }}.", ErrorCodes.MethodNotAllowed),
        ]);
    }

    private static ErrorBody Error(string message, string code, string? field = null, string? rule = null) =>
        new(message, new ErrorExtensions(code, field, rule));

    private static Task WriteErrorsAsync(HttpContext context, int status, IReadOnlyList<ErrorBody> errors)
    {
        context.Response.StatusCode = status;
        return ErrorResponse.WriteAsync(context.Response, errors);
    }
}
