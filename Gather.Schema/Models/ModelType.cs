using Gather.Infrastructure.Models;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using Gather.Schema.Typed;
using GraphQL.Types;

namespace Gather.Schema.Models;

/// <summary>A model: standard, custom or integration.</summary>
public sealed class ModelType : ObjectGraphType<Model>
{
    public ModelType()
    {
        Name = "Model";
        Description = "A kind of record, such as Account, Customer or a custom `Orders`.";
        Field(m => m.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable, opaque id; use it as `modelId`.");
        Field(m => m.Name).Description("The model's name, unique in the team ignoring case.");
        Field<NonNullGraphType<ModelKindType>>("kind").Description("STANDARD, CUSTOM or INTEGRATION.").Resolve(c => c.Source.Kind);
        Field(m => m.IdField).Description("The field whose value identifies a record; sync upserts by it.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ModelFieldType>>>>("fields")
            .Description("The field catalogue: every path declared or seen in synced records, with types and counts.")
            .Resolve(c => c.LoadFields(c.Source));
        Field<TypedApiType>("typedApi")
            .Description("How the model appears in the team's typed API: type and root field names, each field's GraphQL name, what is left out and why. " +
                "Null for integration models and when typed schemas are off.")
            .Resolve(c => ModelTypedApi.Of(c.Schema, c.Source));
        Field(m => m.CreatedAt).Description("When the model was created.");
        Field(m => m.UpdatedAt).Description("When the model was last renamed or had fields declared.");
    }
}

public sealed class ModelKindType : EnumerationGraphType<ModelKind>
{
    public ModelKindType()
    {
        Name = "ModelKind";
        Description = "Where a model comes from.";
    }
}
