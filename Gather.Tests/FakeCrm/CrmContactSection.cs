using System.Text.Json.Nodes;
using Gather.Schema.Records;
using Gather.Schema.Typed;
using GraphQL.Resolvers;
using GraphQL.Types;
using FieldType = GraphQL.Types.FieldType;

namespace Gather.Tests.FakeCrm;

/// <summary>The contact Sync CRM Contacts attaches, as the fake CRM contributes it to typed record types.</summary>
public sealed class CrmContactSection : AttachedSection
{
    public static readonly CrmContactSection Instance = new();

    private CrmContactSection()
    {
    }

    public override string Name => FakeCrm.ContactSection.Name;

    public override IReadOnlyList<string> InputTypeNames { get; } = ["CrmContactFilterInput", "CrmContactSortInput"];

    public override FieldType RecordField() => new()
    {
        Name = Name,
        Description = "The CRM contact this record names, as last attached.",
        Type = typeof(CrmContactType),
        Resolver = new FuncFieldResolver<RecordNode, object?>(c => c.Source.Record.Linked[Name] as JsonObject),
    };

    public override FieldType FilterField() => new() { Name = Name, Description = "The attached CRM contact.", Type = typeof(CrmContactFilterInputType) };

    public override FieldType SortField() => new() { Name = Name, Description = "The attached CRM contact.", Type = typeof(CrmContactSortInputType) };
}

/// <summary>An attached contact, read from its snapshot.</summary>
public sealed class CrmContactType : ObjectGraphType<JsonObject>
{
    public CrmContactType()
    {
        Name = "CrmContact";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source["id"]!.GetValue<string>());
        Field<StringGraphType>("name").Resolve(c => c.Source["name"]?.GetValue<string>());
        Field<IntGraphType>("score").Resolve(c => c.Source["score"]?.GetValue<int>());
    }
}

/// <summary>Conditions on the attached contact's fields.</summary>
public sealed class CrmContactFilterInputType : InputObjectGraphType
{
    public CrmContactFilterInputType()
    {
        Name = "CrmContactFilterInput";
        foreach (var (name, type) in FakeCrm.ContactSection.Fields)
            AddField(new FieldType { Name = name, Type = TypedGraphTypes.OperationInput(type) });
    }
}

/// <summary>Sort keys on the attached contact's fields.</summary>
public sealed class CrmContactSortInputType : InputObjectGraphType
{
    public CrmContactSortInputType()
    {
        Name = "CrmContactSortInput";
        foreach (var (name, _) in FakeCrm.ContactSection.Fields)
            AddField(new FieldType { Name = name, Type = typeof(SortEnumType) });
    }
}
