using Gather.Infrastructure.Models;
using GraphQL.Types;
using FieldType = Gather.Infrastructure.Models.FieldType;

namespace Gather.Schema.Models;

/// <summary>One entry of a model's field catalogue.</summary>
public sealed class ModelFieldType : ObjectGraphType<ModelField>
{
    public ModelFieldType()
    {
        Name = "ModelField";
        Description = "A field path of a model, with its declared type and the value kinds synced records hold.";
        Field(f => f.Path).Description("The field path, e.g. `amount` or `address.city`.");
        Field<NonNullGraphType<FieldTypeType>>("type").Description("The declared type, else the one inferred from synced values.")
            .Resolve(c => c.Source.Type);
        Field<FieldTypeType>("declaredType").Description("The type the team declared, if any; it wins over what sync sees.")
            .Resolve(c => c.Source.DeclaredType);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldObservationType>>>>("observed")
            .Description("Value kinds seen in synced records, with how many records hold each.").Resolve(c => c.Source.Observed);
        Field<NonNullGraphType<IntGraphType>>("recordCount").Description("How many records carry the field.")
            .Resolve(c => (int)Math.Min(int.MaxValue, c.Source.RecordCount));
    }
}

public sealed class FieldObservationType : ObjectGraphType<FieldStatistic>
{
    public FieldObservationType()
    {
        Name = "FieldObservation";
        Description = "How many records hold one kind of value at a field path.";
        Field<NonNullGraphType<ValueKindType>>("kind").Description("The JSON kind of the values.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("count").Description("Records holding such a value.")
            .Resolve(c => (int)Math.Min(int.MaxValue, c.Source.Count));
    }
}

public sealed class FieldTypeType : EnumerationGraphType<FieldType>
{
    public FieldTypeType()
    {
        Name = "FieldType";
        Description = "A field's type. DATETIME values are stored as ISO-8601 UTC strings; JSON takes any value.";
    }
}

public sealed class ValueKindType : EnumerationGraphType<ValueKind>
{
    public ValueKindType()
    {
        Name = "ValueKind";
        Description = "The JSON kind of a synced value.";
    }
}
