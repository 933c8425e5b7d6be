using System.Diagnostics;
using System.Globalization;
using Gather.Api.Authentication;
using Gather.Api.Ide;
using Gather.Api.Hosting;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Telemetry;
using Gather.Schema;
using Gather.Schema.Common;
using Gather.Schema.Typed;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gather.Api.GraphQL;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c>, written here because no server package for
/// graphql-dotnet is obtainable. A browser navigating to the endpoint gets Banana Cake Pop.
/// </summary>
public sealed class GraphQLHttpEndpoint(
    GraphQLHttpRequestReader reader,
    IDocumentExecuter executer,
    TeamSchemaCache schemas,
    IGraphQLTextSerializer serializer,
    BananaCakePop ide,
    IOptions<GraphQLLimitsOptions> limits,
    DocumentGate gate,
    CostBudget budget,
    TeamExecutionSlots slots,
    ILogger<GraphQLHttpEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleRequestAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left: its work has stopped, and nobody is there to read an answer.
            logger.LogInformation("GraphQL request abandoned by the client");
        }
    }

    private async Task HandleRequestAsync(HttpContext context)
    {
        // Parsing, the document checks, waiting for a place, validation and execution share one budget.
        var arrived = Stopwatch.GetTimestamp();
        if (GraphQLMediaTypes.IsBrowserNavigation(context.Request))
        {
            await ide.ServeIndexAsync(context);
            return;
        }

        var mediaType = GraphQLMediaTypes.Negotiate(context.Request);
        if (mediaType is null)
        {
            await FailAsync(context, new(StatusCodes.Status406NotAcceptable, ErrorCodes.NotAcceptable,
                $"Accept '{GraphQLMediaTypes.GraphQLResponse}' or '{GraphQLMediaTypes.Json}'."), null);
            return;
        }

        // Authenticate before reading the body, so anonymous callers cannot make us parse large bodies.
        var authentication = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        var caller = authentication.Succeeded ? CallerClaims.FromPrincipal(authentication.Principal) : null;
        if (caller is null)
        {
            await context.ChallengeAsync(ApiKeyAuthenticationHandler.SchemeName);
            return;
        }

        var (request, problem) = await reader.ReadAsync(context.Request);
        if (problem is not null)
        {
            await FailAsync(context, problem, mediaType);
            return;
        }

        var (gated, violation) = gate.Inspect(request!.Query!);
        if (violation is not null)
        {
            // A document refused before it ran: 400 under the GraphQL media type, a GraphQL error under application/json.
            logger.LogInformation("GraphQL document refused before validation: {Code}", violation.Code);
            await FailAsync(context, new(mediaType == GraphQLMediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, violation.Code,
                violation.Message), mediaType);
            return;
        }
        var document = gated!.Document;
        var operation = document is null ? null : SelectOperation(document, request.OperationName);
        if (HttpMethods.IsGet(context.Request.Method) && operation is { Operation: not OperationType.Query })
        {
            context.Response.Headers.Allow = "POST";
            await FailAsync(context, new(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
                "Mutations must be sent with POST; GET only runs queries."), mediaType);
            return;
        }

        if (!budget.TryCharge(caller, gated.Cost, out var refusal))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(refusal.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var whose = refusal.ByTeam ? "Your team's API keys together have" : "This API key has";
            await FailAsync(context, new(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                $"{whose} spent the budget of field selections ({refusal.PerSecond} per second, Gather:GraphQL:{refusal.Option}); this document costs {gated.Cost}. Wait as Retry-After says, or send smaller documents."), mediaType);
            return;
        }

        // Each team runs against its own schema: Gather's, plus a typed type per model. It is found
        // before a place is taken: the team's first operations (an IDE's four schema probes sent
        // together) wait for its one build rather than each hold a place while it is built.
        var schema = await schemas.GetAsync(caller.TeamId, context.RequestAborted);
        using var place = await slots.EnterAsync(caller.TeamId, context.RequestAborted);
        if (place is null)
        {
            context.Response.Headers.RetryAfter = "1";
            await FailAsync(context, new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.TooManyConcurrentOperations,
                $"Your team already runs {limits.Value.MaxConcurrentExecutionsPerTeam} operations at once (Gather:GraphQL:MaxConcurrentExecutionsPerTeam) and no place came free in time; try again shortly."), mediaType);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var operationType = operation?.Operation.ToString().ToLowerInvariant() ?? "request";
        using var activity = GatherTelemetry.Source.StartActivity($"graphql {operationType} {operation?.Name?.StringValue ?? "(anonymous)"}");
        activity?.SetTag("graphql.operation.type", operationType);
        activity?.SetTag("graphql.operation.name", operation?.Name?.StringValue);
        activity?.SetTag("gather.team.id", caller.TeamId);
        var result = await executer.ExecuteAsync(options =>
        {
            options.Schema = schema;
            options.Query = request.Query;
            options.Document = document;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.UserContext = new GatherUserContext(caller);
            options.User = authentication.Principal;
            options.RequestServices = context.RequestServices;
            options.CancellationToken = context.RequestAborted;
            // What the request has left of its budget; spent already, graphql-dotnet answers with its timeout error at once.
            options.Timeout = TimeSpan.FromTicks(Math.Max(1, (TimeSpan.FromSeconds(limits.Value.ExecutionTimeoutSeconds) - Stopwatch.GetElapsedTime(arrived)).Ticks));
            options.UnhandledExceptionDelegate = unhandled =>
            {
                if (StoreUnavailable.Is(unhandled.OriginalException))
                {
                    // The field fails with a code a client can act on; the rest of the response stays.
                    unhandled.Exception = new ExecutionError("The store is unavailable right now; try again shortly.") { Code = StoreUnavailableHandler.Code };
                    return Task.CompletedTask;
                }
                logger.LogError(unhandled.OriginalException, "Resolver failed in operation {OperationName}",
                    request.OperationName ?? "(anonymous)");
                return Task.CompletedTask;
            };
        });

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        GatherTelemetry.GraphQLDuration.Record(elapsed, new KeyValuePair<string, object?>("graphql.operation.type", operationType));
        if (result.Errors is { Count: > 0 })
            activity?.SetStatus(ActivityStatusCode.Error, $"{result.Errors.Count} errors");
        logger.LogInformation("GraphQL {OperationType} {OperationName} ran in {ElapsedMilliseconds:0.0} ms with {ErrorCount} errors",
            operationType, operation?.Name?.StringValue ?? "(anonymous)", elapsed, result.Errors?.Count ?? 0);

        // A mutation may have changed models, fields or relationships: the next request checks.
        if (operation is { Operation: OperationType.Mutation })
            schemas.Invalidate(caller.TeamId);

        // The spec's application/graphql-response+json says 400 when the request never
        // executed (parse or validation errors); legacy application/json stays 200.
        context.Response.StatusCode = mediaType == GraphQLMediaTypes.GraphQLResponse && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private static Task FailAsync(HttpContext context, RequestProblem problem, string? mediaType) =>
        ErrorResponse.WriteAsync(context.Response, problem, (mediaType ?? GraphQLMediaTypes.Json) + "; charset=utf-8");

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return string.IsNullOrEmpty(operationName)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }
}
