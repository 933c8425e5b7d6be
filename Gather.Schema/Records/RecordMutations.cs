using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>Adds <c>syncRecords</c> and <c>deleteRecords</c> to the root mutation. Both require WRITE.</summary>
public sealed class RecordMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        mutation.Field<NonNullGraphType<SyncRecordsPayloadType>>("syncRecords")
            .Description("Upserts records into a model by its ID field, as `POST /models/{modelId}/records` does. Requires WRITE.")
            .Argument<NonNullGraphType<SyncRecordsInputType>>("input")
            .RequireScope(ApiKeyScope.Write)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var records = ((IEnumerable<object?>)input["records"]!).Select(r => new RecordInput(r as JsonNode)).ToList();
                var result = await context.Service<RecordService>()
                    .SyncAsync(context.TeamStore(), input["modelId"] as string, records, context.CancellationToken);
                return new SyncRecordsPayload(result.Value, result.Problems);
            });

        mutation.Field<NonNullGraphType<DeleteRecordsPayloadType>>("deleteRecords")
            .Description("Deletes records by their ID field's value. Requires WRITE.")
            .Argument<NonNullGraphType<DeleteRecordsInputType>>("input")
            .RequireScope(ApiKeyScope.Write)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var ids = ((IEnumerable<object?>)input["ids"]!).Select(id => id?.ToString() ?? "").ToList();
                var result = await context.Service<RecordService>()
                    .DeleteAsync(context.TeamStore(), input["modelId"] as string, ids, context.CancellationToken);
                return new DeleteRecordsPayload(result.Value, result.Problems);
            });
    }
}
