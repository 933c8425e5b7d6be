using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.IntegrationTasks;

/// <summary>Adds <c>integrationTasks</c> (READ).</summary>
public sealed class IntegrationTaskQueries : IQueryFields
{
    public void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntegrationTaskType>>>>("integrationTasks")
            .Description("The team's integration tasks with their status and progress. Requires READ.")
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c => await c.Service<IntegrationTaskService>().ListAsync(c.TeamStore(), c.CancellationToken));
}

/// <summary>Adds <c>createIntegrationTask</c>, <c>runIntegrationTask</c> and <c>deleteIntegrationTask</c> (ADMIN: they act on integrations).</summary>
public sealed class IntegrationTaskMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        mutation.Field<NonNullGraphType<IntegrationTaskPayloadType>>("createIntegrationTask")
            .Description("Adds an integration task; its backfill starts at once. Requires ADMIN.")
            .Argument<NonNullGraphType<CreateIntegrationTaskInputType>>("input")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<CreateIntegrationTaskInput>("input");
                return Payload<IntegrationTask>.Of(await c.Service<IntegrationTaskService>().CreateAsync(c.TeamStore(), input.IntegrationId, input.Kind,
                    input.Options is { } o ? new IntegrationTaskOptions(o.ModelId, o.ChargeIdField) : null, c.CancellationToken));
            });

        mutation.Field<NonNullGraphType<IntegrationTaskPayloadType>>("runIntegrationTask")
            .Description("Runs a task now (a run in progress finishes first). Requires ADMIN.")
            .Argument<NonNullGraphType<IntegrationTaskIdInputType>>("input")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async c => Payload<IntegrationTask>.Of(await c.Service<IntegrationTaskService>().RunAsync(
                c.TeamStore(), c.GetArgument<IntegrationTaskIdInput>("input").Id, c.CancellationToken)));

        mutation.Field<NonNullGraphType<IntegrationTaskPayloadType>>("deleteIntegrationTask")
            .Description("Deletes a task and, when no task needs it any more, its Stripe webhook endpoint. Attached data stays. Requires ADMIN.")
            .Argument<NonNullGraphType<IntegrationTaskIdInputType>>("input")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async c => Payload<IntegrationTask>.Of(await c.Service<IntegrationTaskService>().DeleteAsync(
                c.TeamStore(), c.GetArgument<IntegrationTaskIdInput>("input").Id, c.CancellationToken)));
    }
}

public sealed class IntegrationTaskPayloadType() : PayloadGraphType<IntegrationTaskType, IntegrationTask>(
    "IntegrationTaskPayload", "An integration task after the change.", "task", "The task; null when there are errors.");
