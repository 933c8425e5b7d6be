using GraphQL.Types;

namespace Gather.Schema.Relationships;

public sealed record CreateRelationshipInput(
    string? FromModelId, string? FromField, string? ToModelId, string? ToField, string? Name, string? InverseName);

public sealed class CreateRelationshipInputType : InputObjectGraphType<CreateRelationshipInput>
{
    public CreateRelationshipInputType()
    {
        Name = "CreateRelationshipInput";
        Description = "A relationship: records of the from model whose `fromField` equals `toField` of records of the to model are related.";
        Field(i => i.FromModelId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The model the relationship starts from, e.g. Projects.");
        Field(i => i.FromField, type: typeof(NonNullGraphType<StringGraphType>)).Description("Its field holding the link value, e.g. `account`.");
        Field(i => i.ToModelId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The model it leads to, e.g. Account.");
        Field(i => i.ToField, type: typeof(NonNullGraphType<StringGraphType>)).Description("Its field matched against the link value, e.g. `name`.");
        Field(i => i.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("The way from the first model to the second, e.g. `account`.");
        Field(i => i.InverseName, type: typeof(NonNullGraphType<StringGraphType>)).Description("The way back, e.g. `projects`.");
    }
}

public sealed record DeleteRelationshipInput(string Id);

public sealed class DeleteRelationshipInputType : InputObjectGraphType<DeleteRelationshipInput>
{
    public DeleteRelationshipInputType()
    {
        Name = "DeleteRelationshipInput";
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The relationship to delete; the records stay.");
    }
}
