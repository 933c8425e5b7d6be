using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using GraphQL;
using GraphQL.Types;
using FieldType = Gather.Infrastructure.Models.FieldType;

namespace Gather.Schema.Models;

/// <summary>
/// Adds the model mutations. Creating a model and declaring fields need WRITE (a backend wiring
/// its data does both); renaming and deleting break clients and lose data, so they need ADMIN.
/// </summary>
public sealed class ModelMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        mutation.Field<NonNullGraphType<CreateModelPayloadType>>("createModel")
            .Description("Creates a custom model. Requires WRITE.")
            .Argument<NonNullGraphType<CreateModelInputType>>("input")
            .RequireScope(ApiKeyScope.Write)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<CreateModelInput>("input");
                var result = await c.Service<ModelService>().CreateAsync(c.TeamStore(), input.Name, input.IdField,
                    Declarations(input.Fields), c.CancellationToken);
                return Payload<Model>.Of(result);
            });

        mutation.Field<NonNullGraphType<DeclareModelFieldsPayloadType>>("declareModelFields")
            .Description("Declares field types; synced values are converted to them from then on. Requires WRITE.")
            .Argument<NonNullGraphType<DeclareModelFieldsInputType>>("input")
            .RequireScope(ApiKeyScope.Write)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<DeclareModelFieldsInput>("input");
                var result = await c.Service<ModelService>().DeclareFieldsAsync(c.TeamStore(), input.Id,
                    Declarations(input.Fields), c.CancellationToken);
                return Payload<Model>.Of(result);
            });

        mutation.Field<NonNullGraphType<RenameModelPayloadType>>("renameModel")
            .Description("Renames a custom model; its id stays. Requires ADMIN.")
            .Argument<NonNullGraphType<RenameModelInputType>>("input")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RenameModelInput>("input");
                var result = await c.Service<ModelService>().RenameAsync(c.TeamStore(), input.Id, input.Name, c.CancellationToken);
                return Payload<Model>.Of(result);
            });

        mutation.Field<NonNullGraphType<DeleteModelPayloadType>>("deleteModel")
            .Description("Deletes a custom model and all its records; `confirmName` must repeat its name. Requires ADMIN.")
            .Argument<NonNullGraphType<DeleteModelInputType>>("input")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<DeleteModelInput>("input");
                var result = await c.Service<ModelService>().DeleteAsync(c.TeamStore(), input.Id, input.ConfirmName, c.CancellationToken);
                return new DeleteModelPayload(result.Value, result.Problems);
            });
    }

    private static IReadOnlyList<(string?, FieldType)> Declarations(DeclaredFieldInput[]? fields) =>
        (fields ?? []).Select(f => ((string?)f.Path, f.Type)).ToList();
}
