using System.Text.Json.Nodes;
using System.Text.Json;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using GraphQL.DataLoader;
using ModelFieldType = Gather.Infrastructure.Models.FieldType;
using FieldType = GraphQL.Types.FieldType;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using Gather.Schema.Records;
using Gather.Schema.Relationships;
using Gather.Schema.Stripe;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Gather.Schema.Typed;

/// <summary>
/// The graph types of one <see cref="TypedModel"/>: its object type, connection and edge, and
/// its filter and sort inputs. Types of other models are referred to by name, so a team's
/// models can relate to each other in any direction.
/// </summary>
public static class TypedGraphTypes
{
    public static IEnumerable<IGraphType> For(TypedModel model, TeamSchemaPlan plan)
    {
        yield return ObjectType(model, plan);
        yield return ConnectionType(model);
        yield return EdgeType(model);
        yield return FilterType(model);
        yield return SortType(model);
    }

    private static TypedRecordGraphType ObjectType(TypedModel model, TeamSchemaPlan plan)
    {
        var type = new TypedRecordGraphType
        {
            Name = model.TypeName,
            Description = $"A record of the model \"{model.Model.Name}\" (ID field `{model.Model.IdField}`).",
        };
        type.Field<NonNullGraphType<IdGraphType>>("id").Description($"The record's `{model.Model.IdField}`.")
            .Resolve(new RecordValueResolver(node => node.Record.Key));
        type.Field<NonNullGraphType<DateTimeType>>("createdAt").Description("When the record was first synced.")
            .Resolve(new RecordValueResolver(node => node.Record.CreatedAt));
        type.Field<NonNullGraphType<DateTimeType>>("updatedAt").Description("When a sync last changed the record.")
            .Resolve(new RecordValueResolver(node => node.Record.UpdatedAt));
        AddSyncedFields(type, model.Fields);
        if (model.HasStripeCharge)
            type.Field<StripeChargeType>(AttachedData.StripeCharge)
                .Description("The Stripe charge this record's charge id names, as Sync Stripe Charges last attached it; null when none is attached. " +
                             "The field stays once the model has had a charge task, also after Stripe is disconnected (it then shows the charge last attached).")
                .Resolve(c => c.Source.Record.Linked[AttachedData.StripeCharge] is JsonObject snapshot ? ChargeSnapshot.ToCharge(snapshot) : null);
        foreach (var relationship in model.Relationships)
            type.AddField(RelationshipField(relationship, plan));
        return type;
    }

    /// <summary>A typed field per synced field, read by <see cref="SyncedFieldResolver"/>.</summary>
    public static void AddSyncedFields(ObjectGraphType<RecordNode> type, IEnumerable<TypedField> fields)
    {
        foreach (var field in fields)
        {
            type.AddField(new FieldType
            {
                Name = field.Name,
                Description = field.Name == TypedFieldNames.RawFieldName(field.Path)
                    ? $"The synced field \"{field.Path}\" as stored; the relationship named like it reads the record it names."
                    : $"The synced field \"{field.Path}\".",
                ResolvedType = Scalar(field.Type),
                Resolver = new SyncedFieldResolver(field.Path, field.Type),
            });
        }
    }

    /// <summary>
    /// A relationship as a field: to a custom model, its typed type or connection (with the
    /// target's typed arguments); to Account or Customer, their own types (with the generic
    /// arguments); to StripeCharge or StripeCustomer, their Stripe types.
    /// </summary>
    public static FieldType RelationshipField(TypedRelationship relationship, TeamSchemaPlan plan)
    {
        var name = relationship.Side.Name;
        var field = new FieldType { Name = relationship.Name };
        var target = relationship.Target;
        if (plan.Models.FirstOrDefault(m => m.Model.Id == target.Id) is { } typed)
        {
            if (relationship.LeadsToOne)
            {
                field.ResolvedType = new GraphQLTypeReference(typed.TypeName);
                field.Resolver = new FuncFieldResolver<RecordNode, object?>(async c => await RelatedRecords.OneAsync(c, name));
            }
            else
            {
                field.ResolvedType = new GraphQLTypeReference(typed.ConnectionTypeName);
                field.Arguments = ListArguments(typed, backward: false);
                field.Resolver = new FuncFieldResolver<RecordNode, object?>(async c =>
                    TypedArguments.QueryOf(c, typed) is { } query ? await RelatedRecords.ConnectionAsync(c, name, query) : null);
            }
        }
        else if (target.Kind == ModelKind.Integration)
        {
            // Integration records come as Stripe's JSON; the field shows them as the Stripe types.
            field.ResolvedType = new GraphQLTypeReference(target.Name);
            field.Resolver = new FuncFieldResolver<RecordNode, object?>(async c =>
                await RelatedRecords.OneAsync(c, name) is IDataLoaderResult<RecordNode?> pending
                    ? pending.Then(node => node is null ? null : StripeObject(target, node))
                    : null);
        }
        else if (relationship.LeadsToOne)
        {
            field.ResolvedType = new GraphQLTypeReference(target.Name);
            field.Resolver = new FuncFieldResolver<RecordNode, object?>(async c => await RelatedRecords.OneAsync(c, name));
        }
        else
        {
            field.ResolvedType = new GraphQLTypeReference(target.Name + "sConnection");
            field.Arguments = RecordArguments.RelatedListArguments();
            field.Resolver = new FuncFieldResolver<RecordNode, object?>(async c => await RelatedRecords.ConnectionAsync(c, name));
        }
        field.Description = relationship.LeadsToOne
            ? $"The {target.Name} record this one's `{relationship.Side.SourceField}` names (relationship \"{name}\")."
            : $"The {target.Name} records whose `{relationship.Side.TargetField}` matches this one's `{relationship.Side.SourceField}` (relationship \"{name}\").";
        return field;
    }

    private static object StripeObject(Model target, RecordNode node)
    {
        // Integration records keep the Stripe JSON they were read from (IntegrationRecords).
        var json = node.Record.StoredData ?? JsonSerializer.SerializeToElement(node.Record.Data);
        return target.Name == StripeModels.Customer ? StripeCustomer.From(json) : StripeCharge.From(json);
    }

    private static ObjectGraphType<RecordConnection> ConnectionType(TypedModel model)
    {
        var node = new GraphQLTypeReference(model.TypeName);
        var type = new ObjectGraphType<RecordConnection> { Name = model.ConnectionTypeName, Description = $"A page of {model.Model.Name} records." };
        type.AddField(new FieldType
        {
            Name = "nodes", Description = "The records of this page.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(node))),
            Resolver = new FuncFieldResolver<RecordConnection, object?>(c => c.Source.Nodes),
        });
        type.AddField(new FieldType
        {
            Name = "edges", Description = "The records of this page with their cursors.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(model.EdgeTypeName)))),
            Resolver = new FuncFieldResolver<RecordConnection, object?>(c => c.Source.Nodes),
        });
        type.Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where this page sits.").Resolve(c => c.Source.PageInfo);
        type.Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many records match, across all pages (one extra count query).")
            .Resolve(c => c.Source.TotalCount().Then(count => (int)Math.Min(int.MaxValue, count)));
        return type;
    }

    private static ObjectGraphType<RecordNode> EdgeType(TypedModel model)
    {
        var type = new ObjectGraphType<RecordNode> { Name = model.EdgeTypeName, Description = "A record and its cursor." };
        type.Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` or `before` to page from this record.").Resolve(c => c.Source.Cursor);
        type.AddField(new FieldType
        {
            Name = "node", Description = "The record.", ResolvedType = new NonNullGraphType(new GraphQLTypeReference(model.TypeName)),
            Resolver = new FuncFieldResolver<RecordNode, object?>(c => c.Source),
        });
        return type;
    }

    private static InputObjectGraphType FilterType(TypedModel model)
    {
        var self = new GraphQLTypeReference(model.FilterTypeName);
        var type = new InputObjectGraphType { Name = model.FilterTypeName, Description = $"Filters {model.Model.Name} records; every condition given must hold." };
        type.AddField(new FieldType { Name = "and", Description = "Every one of these must hold.", ResolvedType = new ListGraphType(new NonNullGraphType(self)) });
        type.AddField(new FieldType { Name = "or", Description = "At least one of these must hold.", ResolvedType = new ListGraphType(new NonNullGraphType(self)) });
        type.AddField(new FieldType { Name = "id", Description = $"The record's `{model.Model.IdField}`.", Type = typeof(StringOperationFilterInputType) });
        foreach (var field in model.Fields)
            type.AddField(new FieldType { Name = field.Name, Description = $"The field \"{field.Path}\".", Type = OperationInput(field.Type) });
        if (model.HasStripeCharge)
            type.AddField(new FieldType { Name = AttachedData.StripeCharge, Description = "The attached Stripe charge.", Type = typeof(StripeChargeFilterInputType) });
        return type;
    }

    private static InputObjectGraphType SortType(TypedModel model)
    {
        var type = new InputObjectGraphType { Name = model.SortTypeName, Description = $"Sort keys for {model.Model.Name} records, in the order written." };
        type.AddField(new FieldType { Name = "id", Description = $"The record's `{model.Model.IdField}`.", Type = typeof(SortEnumType) });
        foreach (var field in model.Fields)
            type.AddField(new FieldType { Name = field.Name, Description = $"The field \"{field.Path}\".", Type = typeof(SortEnumType) });
        if (model.HasStripeCharge)
            type.AddField(new FieldType { Name = AttachedData.StripeCharge, Description = "The attached Stripe charge.", Type = typeof(StripeChargeSortInputType) });
        return type;
    }

    /// <summary>The arguments of a typed list: the model's typed <c>where</c> and <c>order</c>, <c>search</c>, and paging.</summary>
    public static QueryArguments ListArguments(TypedModel model, bool backward = true)
    {
        var arguments = new QueryArguments(
            new QueryArgument(new GraphQLTypeReference(model.FilterTypeName)) { Name = "where", Description = "Only records matching this filter." },
            new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(model.SortTypeName)))) { Name = "order", Description = "Sort keys, most significant first; ties break on the record id." },
            new QueryArgument<StringGraphType> { Name = "search", Description = "Words that must each appear, ignoring case, in some string value of the record." },
            new QueryArgument<IntGraphType> { Name = "first", Description = "Page size, reading forward (default 50)." },
            new QueryArgument<StringGraphType> { Name = "after", Description = "Read forward from after this cursor." });
        if (backward)
        {
            arguments.Add(new QueryArgument<IntGraphType> { Name = "last", Description = "Page size, reading backward." });
            arguments.Add(new QueryArgument<StringGraphType> { Name = "before", Description = "Read backward from before this cursor." });
        }
        return arguments;
    }

    public static IGraphType Scalar(ModelFieldType type) => type switch
    {
        ModelFieldType.String => new StringGraphType(),
        ModelFieldType.Int => new IntGraphType(),
        ModelFieldType.Float => new FloatGraphType(),
        ModelFieldType.Boolean => new BooleanGraphType(),
        ModelFieldType.DateTime => new GraphQLTypeReference("DateTime"),
        _ => new GraphQLTypeReference("JSON"),
    };

    public static Type OperationInput(ModelFieldType type) => type switch
    {
        ModelFieldType.String => typeof(StringOperationFilterInputType),
        ModelFieldType.Int => typeof(IntOperationFilterInputType),
        ModelFieldType.Float => typeof(FloatOperationFilterInputType),
        ModelFieldType.Boolean => typeof(BooleanOperationFilterInputType),
        ModelFieldType.DateTime => typeof(DateTimeOperationFilterInputType),
        _ => typeof(JsonOperationFilterInputType),
    };
}

/// <summary>Conditions on a record's attached Stripe charge (<c>where: { stripeCharge: { status: { eq: "succeeded" } } }</c>).</summary>
public sealed class StripeChargeFilterInputType : InputObjectGraphType
{
    public StripeChargeFilterInputType()
    {
        Name = "StripeChargeFilterInput";
        Description = "Conditions on the attached Stripe charge's fields.";
        foreach (var (name, type) in ChargeSnapshot.Fields)
            AddField(new FieldType { Name = name, Type = type == ModelFieldType.Int ? typeof(LongOperationFilterInputType) : TypedGraphTypes.OperationInput(type) });
    }
}

/// <summary>Sort keys on a record's attached Stripe charge (<c>order: [{ stripeCharge: { amount: DESC } }]</c>).</summary>
public sealed class StripeChargeSortInputType : InputObjectGraphType
{
    public StripeChargeSortInputType()
    {
        Name = "StripeChargeSortInput";
        Description = "Sort keys on the attached Stripe charge's fields.";
        foreach (var (name, _) in ChargeSnapshot.Fields)
            AddField(new FieldType { Name = name, Type = typeof(SortEnumType) });
    }
}
