using Gather.Infrastructure.Models;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>Adds <c>records</c> and <c>record</c> to the root query. Both require READ.</summary>
public sealed class RecordQueries : IQueryFields
{
    public void AddTo(QueryType query)
    {
        query.Field<RecordsConnectionType>("records")
            .Description("A model's records: filter with `where`, sort with `order`, `search` their text, and page with cursors. Requires READ.")
            .Argument<NonNullGraphType<IdGraphType>>("modelId", "The model whose records to read.")
            .WithRecordListArguments()
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async context =>
                await ModelArgument.FindAsync(context, context.GetArgument<string>("modelId")) is { } model
                    ? await RecordArguments.ResolveConnectionAsync(context, model)
                    : null);

        query.Field<RecordType>("record")
            .Description("One record by its ID field's value, or null when there is none. Requires READ.")
            .Argument<NonNullGraphType<IdGraphType>>("modelId", "The model the record belongs to.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The value of the model's ID field.")
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async context =>
                await ModelArgument.FindAsync(context, context.GetArgument<string>("modelId")) is { } model
                    ? await RecordByKeyAsync(context, model, context.GetArgument<string>("id"))
                    : null);
    }

    public static async Task<RecordNode?> RecordByKeyAsync(IResolveFieldContext context, Model model, string key)
    {
        if (!ModelArgument.IsStored(context, model))
            return null;
        var records = await context.TeamStore().Records.GetManyAsync(model.Id, [key], context.CancellationToken);
        return records.Count == 0 ? null : new RecordNode(model, records[0]);
    }
}
