using Gather.Infrastructure.Models;
using GraphQL.Types;
using FieldType = Gather.Infrastructure.Models.FieldType;

namespace Gather.Schema.Models;

/// <summary>A declared field in an input: a path and a type.</summary>
public sealed record DeclaredFieldInput(string Path, FieldType Type);

public sealed class DeclaredFieldInputType : InputObjectGraphType<DeclaredFieldInput>
{
    public DeclaredFieldInputType()
    {
        Name = "DeclaredFieldInput";
        Description = "A field path and the type its values are converted to on sync.";
        Field(f => f.Path).Description("The field path, e.g. `amount` or `address.zip`.");
        Field<NonNullGraphType<FieldTypeType>>("type").Description("The type.");
    }
}

public sealed record CreateModelInput(string Name, string IdField, DeclaredFieldInput[]? Fields);

public sealed class CreateModelInputType : InputObjectGraphType<CreateModelInput>
{
    public CreateModelInputType()
    {
        Name = "CreateModelInput";
        Description = "A new custom model.";
        Field(i => i.Name).Description("The model's name, e.g. `Orders`: a letter, then letters, digits, spaces, '_' or '-'.");
        Field(i => i.IdField).Description("The field identifying a record, e.g. `id`; sync upserts by it.");
        Field<ListGraphType<NonNullGraphType<DeclaredFieldInputType>>>("fields").Description("Fields to declare a type for (optional).");
    }
}

public sealed record RenameModelInput(string Id, string Name);

public sealed class RenameModelInputType : InputObjectGraphType<RenameModelInput>
{
    public RenameModelInputType()
    {
        Name = "RenameModelInput";
        Description = "A custom model's new name.";
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The model.");
        Field(i => i.Name).Description("The new name.");
    }
}

public sealed record DeclareModelFieldsInput(string Id, DeclaredFieldInput[] Fields);

public sealed class DeclareModelFieldsInputType : InputObjectGraphType<DeclareModelFieldsInput>
{
    public DeclareModelFieldsInputType()
    {
        Name = "DeclareModelFieldsInput";
        Description = "Field types to declare; other declarations stay. Records already stored keep their values.";
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The model.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DeclaredFieldInputType>>>>("fields").Description("The declarations.");
    }
}

public sealed record DeleteModelInput(string Id, string ConfirmName);

public sealed class DeleteModelInputType : InputObjectGraphType<DeleteModelInput>
{
    public DeleteModelInputType()
    {
        Name = "DeleteModelInput";
        Description = "A custom model to delete with all its records.";
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The model.");
        Field(i => i.ConfirmName).Description("The model's exact name, confirming that its records are to be deleted too.");
    }
}
