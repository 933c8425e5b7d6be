using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Validation;
using Gather.Schema.Errors;
using GraphQL.Types;

namespace Gather.Schema.Models;

/// <summary>The shape of every payload that returns a model: <c>{ model errors }</c>.</summary>
public abstract class ModelPayloadGraphType(string name, string description)
    : PayloadGraphType<ModelType, Model>(name, description, "model", "The model; null when there are errors.");

public sealed class CreateModelPayloadType() : ModelPayloadGraphType("CreateModelPayload", "The created model.");

public sealed class RenameModelPayloadType() : ModelPayloadGraphType("RenameModelPayload", "The renamed model.");

public sealed class DeclareModelFieldsPayloadType() : ModelPayloadGraphType("DeclareModelFieldsPayload", "The model with its new declarations.");

/// <summary>The result of <c>deleteModel</c>.</summary>
public sealed record DeleteModelPayload(ModelService.Deleted? Deleted, IReadOnlyList<Problem> Errors);

public sealed class DeleteModelPayloadType : ObjectGraphType<DeleteModelPayload>
{
    public DeleteModelPayloadType()
    {
        Name = "DeleteModelPayload";
        Description = "The deleted model and how many records went with it.";
        Field<ModelType>("model").Description("The model as it was.").Resolve(c => c.Source.Deleted?.Model);
        Field<IntGraphType>("deletedRecordCount").Description("Records deleted with the model.")
            .Resolve(c => c.Source.Deleted is { } d ? (int)Math.Min(int.MaxValue, d.RecordCount) : null);
        this.AddErrorsField(p => p.Errors);
    }
}
