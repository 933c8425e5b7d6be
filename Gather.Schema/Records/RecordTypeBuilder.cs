using System.Text.Json.Nodes;
using Gather.Schema.Common;
using Gather.Schema.Models;
using Gather.Schema.Relationships;
using Gather.Schema.Typed;
using Gather.Schema.Views;
using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>
/// The one place a record's GraphQL fields are defined, for every record type: the generic
/// <c>Record</c>, the standard <c>Account</c> and <c>Customer</c>, and each team's typed types
/// (<c>Orders</c>). A type takes the fields it shows, in the order it shows them; fields read
/// straight from the stored record resolve through <see cref="RecordValueResolver"/>, so a
/// typed record can write them without executing each (<see cref="RecordProjection"/>).
/// </summary>
public sealed class RecordTypeBuilder(ObjectGraphType<RecordNode> type)
{
    private const string OtherFieldsDescription = "The record's other fields (all but {0}) as a JSON object.";

    /// <summary><c>id</c>: the value of the model's ID field.</summary>
    public RecordTypeBuilder Id(string description)
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Description(description).Resolve(new RecordValueResolver(node => node.Record.Key));
        return this;
    }

    /// <summary><c>model</c>: the model the record belongs to (the generic record, which can be of any model).</summary>
    public RecordTypeBuilder Model()
    {
        type.Field<NonNullGraphType<ModelType>>("model").Description("The model the record belongs to.").Resolve(c => c.Source.Model);
        return this;
    }

    /// <summary><c>fields</c>: every synced field as JSON.</summary>
    public RecordTypeBuilder Fields()
    {
        type.Field<NonNullGraphType<JsonScalarType>>("fields").Description("All the record's fields as synced, as a JSON object.")
            .Resolve(c => c.Source.Record.Data);
        return this;
    }

    /// <summary><c>fields</c>: the synced fields other than those the type shows as its own (Account's <c>name</c>), as JSON.</summary>
    public RecordTypeBuilder OtherFields(params string[] own)
    {
        type.Field<NonNullGraphType<JsonScalarType>>("fields").Description(string.Format(null, OtherFieldsDescription, string.Join(", ", own)))
            .Resolve(c => Without(c.Source.Record.Data, own));
        return this;
    }

    /// <summary><c>attached</c>: the data integrations attached to the record, by section, as JSON.</summary>
    public RecordTypeBuilder Attached()
    {
        AttachedJson.AddTo(type);
        return this;
    }

    /// <summary><c>createdAt</c> and <c>updatedAt</c>.</summary>
    public RecordTypeBuilder Times()
    {
        type.Field<NonNullGraphType<DateTimeType>>("createdAt").Description("When the record was first synced.")
            .Resolve(new RecordValueResolver(node => node.Record.CreatedAt));
        type.Field<NonNullGraphType<DateTimeType>>("updatedAt").Description("When a sync last changed the record.")
            .Resolve(new RecordValueResolver(node => node.Record.UpdatedAt));
        return this;
    }

    /// <summary><c>values</c> and <c>cells</c>: the record's values for a view's columns.</summary>
    public RecordTypeBuilder Columns()
    {
        type.Field<ListGraphType<JsonScalarType>>("values")
            .Description("The record's values for `columns` (by default the columns of the view it was read through, else the model's default columns: its ID field, its fields, its attached data), in order; a column may go through a relationship to one record, e.g. `account.plan`.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("columns", "Field paths, e.g. `amount`, `account.plan`, `stripeCharge.status`.")
            .ResolveAsync(ColumnValues.ResolveAsync);
        type.Field<ListGraphType<NonNullGraphType<RecordCellType>>>("cells")
            .Description("The same values as `values`, each labelled with its column's path, label and type, so a table needs no other lookup.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("columns", "Field paths, e.g. `amount`, `account.plan`, `stripeCharge.status`; by default as for `values`.")
            .ResolveAsync(ColumnValues.ResolveCellsAsync);
        return this;
    }

    /// <summary><c>related</c> and <c>relatedOne</c>: navigation along any relationship, named in the arguments.</summary>
    public RecordTypeBuilder Navigation()
    {
        RelationshipFields.AddTo(type);
        return this;
    }

    /// <summary>A typed field per synced field, read by <see cref="SyncedFieldResolver"/>.</summary>
    public RecordTypeBuilder SyncedFields(IEnumerable<TypedField> fields)
    {
        foreach (var field in fields)
        {
            type.AddField(new GraphQL.Types.FieldType
            {
                Name = field.Name,
                Description = field.Name == TypedFieldNames.RawFieldName(field.Path)
                    ? $"The synced field \"{field.Path}\" as stored; the relationship named like it reads the record it names."
                    : $"The synced field \"{field.Path}\".",
                ResolvedType = TypedGraphTypes.Scalar(field.Type),
                Resolver = new SyncedFieldResolver(field.Path, field.Type),
            });
        }
        return this;
    }

    /// <summary>A field per section integrations attach to the model's records (e.g. <c>stripeCharge</c>).</summary>
    public RecordTypeBuilder AttachedSections(IEnumerable<AttachedSection> sections)
    {
        foreach (var section in sections)
            type.AddField(section.RecordField());
        return this;
    }

    /// <summary>A relationship as a field of its own (<see cref="RecordRelationshipFields"/>).</summary>
    public RecordTypeBuilder Relationship(GraphQL.Types.FieldType field)
    {
        type.AddField(field);
        return this;
    }

    /// <summary>Relationships as fields of their own (<see cref="RecordRelationshipFields"/>).</summary>
    public RecordTypeBuilder Relationships(IEnumerable<GraphQL.Types.FieldType> fields)
    {
        foreach (var field in fields)
            type.AddField(field);
        return this;
    }

    private static JsonObject Without(JsonObject data, string[] fields)
    {
        var rest = new JsonObject();
        foreach (var (name, value) in data)
        {
            if (!fields.Contains(name))
                rest[name] = value?.DeepClone();
        }
        return rest;
    }
}
