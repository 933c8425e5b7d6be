using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>A record of any model: its ID field's value and its fields as JSON.</summary>
public sealed class RecordType : ObjectGraphType<RecordNode>
{
    public RecordType()
    {
        Name = RecordTypeNames.Record.Type;
        Description = "A record of a model, keyed by the model's ID field.";
        new RecordTypeBuilder(this)
            .Id("The value of the model's ID field, e.g. an order number.")
            .Model()
            .Fields()
            .Attached()
            .Times()
            .Columns()
            .Navigation();
    }
}
