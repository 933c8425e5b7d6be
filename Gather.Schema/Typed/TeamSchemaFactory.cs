using StandardModelNames = Gather.Infrastructure.Models.StandardModels;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using Gather.Schema.Records;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Schema.Typed;

/// <summary>
/// Builds a team's schema: Gather's whole schema, plus a type and two root fields per custom
/// model (<c>orders(where, order, search, …)</c> and <c>ordersById(id)</c>). Every graph type
/// is a new instance, as graphql-dotnet ties a type to the schema it is built into.
/// </summary>
public sealed class TeamSchemaFactory(IServiceProvider services, GatherSchema baseSchema, IEnumerable<AttachedSection> attachedSections)
{
    private readonly IReadOnlyDictionary<string, AttachedSection> _sections = attachedSections.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>
    /// The names a team's types, root fields and standard-type fields must not take: every type a
    /// team's schema can hold that is not a model's own (Gather's types, the typed API's shared
    /// inputs and those of the sections integrations attach, the scalars graphql-dotnet brings), and Gather's root fields. Named here rather
    /// than found by building a schema on the first request; a test holds the list complete.
    /// </summary>
    public ReservedNames Reserved()
    {
        baseSchema.Initialize();
        var types = new HashSet<string>(baseSchema.AllTypes.Select(t => t.Name), StringComparer.Ordinal)
        {
            "Query", "Mutation", "Subscription", "StringOperationFilterInput", "IntOperationFilterInput", "LongOperationFilterInput",
            "FloatOperationFilterInput", "BooleanOperationFilterInput", "DateTimeOperationFilterInput", "JsonOperationFilterInput",
        };
        types.UnionWith(_sections.Values.SelectMany(s => s.InputTypeNames));
        types.UnionWith(BuiltInScalars);
        var standardTypeFields = new[] { StandardModelNames.Account, StandardModelNames.Customer }.ToDictionary(name => name,
            ISet<string> (name) => ((IComplexGraphType)baseSchema.AllTypes[name]!).Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new ReservedNames(types, new HashSet<string>(baseSchema.Query.Fields.Select(f => f.Name), StringComparer.Ordinal), standardTypeFields);
    }

    /// <summary>Scalars graphql-dotnet can put into a schema by name; a model must not take one even if no field uses it yet.</summary>
    private static readonly string[] BuiltInScalars =
    [
        "String", "Int", "Float", "Boolean", "ID", "Long", "BigInt", "Decimal", "Short", "UShort", "UInt", "ULong", "Byte", "SByte",
        "Date", "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "Seconds", "Milliseconds", "Guid", "Uri", "JSON",
    ];

    /// <summary>
    /// The team's schema for <paramref name="plan"/>, which it keeps (for <c>Model.typedApi</c>).
    /// Throws if graphql-dotnet refuses it; <see cref="TeamSchemaFallback"/> builds what it can.
    /// </summary>
    public ISchema Build(TeamSchemaPlan plan)
    {
        var query = new QueryType(services.GetServices<IQueryFields>());
        var mutation = new MutationType(services.GetServices<IMutationFields>());
        foreach (var model in plan.Models)
        {
            query.AddField(ListField(model));
            query.AddField(ByIdField(model));
        }
        var schema = new GatherSchema(new FreshGraphTypes(services, plan), query, mutation);
        foreach (var model in plan.Models)
        {
            foreach (var type in TypedGraphTypes.For(model, plan, _sections))
                schema.RegisterType(type);
        }
        schema.Initialize();
        schema.WithMetadata(ModelTypedApi.PlanKey, plan);
        return schema;
    }

    private static FieldType ListField(TypedModel model)
    {
        var field = new FieldType
        {
            Name = model.ListField,
            Description = $"{model.Model.Name} records: filter with `where`, sort with `order`, `search` their text, and page with cursors. Requires READ.",
            ResolvedType = new GraphQLTypeReference(model.Names.Connection),
            Arguments = RecordListArguments.For(model.Names, RecordListKind.Root),
            Resolver = new FuncFieldResolver<object>(async context => TypedArguments.QueryOf(context, model) is { } recordQuery
                ? await RecordArguments.ResolveConnectionAsync(context, model.Model, recordQuery)
                : null),
        };
        ScopeRequirement.Enforce(field, ApiKeyScope.Read, "Query");
        return field;
    }

    private static FieldType ByIdField(TypedModel model)
    {
        var field = new FieldType
        {
            Name = model.ByIdField,
            Description = $"One {model.Model.Name} record by its `{model.Model.IdField}`, or null. Requires READ.",
            ResolvedType = new GraphQLTypeReference(model.Names.Type),
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "id", Description = $"The record's `{model.Model.IdField}`." }),
            Resolver = new FuncFieldResolver<object>(async context =>
                await RecordQueries.RecordByKeyAsync(context, model.Model, context.GetArgument<string>("id"))),
        };
        ScopeRequirement.Enforce(field, ApiKeyScope.Read, "Query");
        return field;
    }

    /// <summary>
    /// The app's services, except that every graph type asked for is a new instance (for this
    /// schema alone), and Account and Customer get the team's typed fields.
    /// </summary>
    private sealed class FreshGraphTypes(IServiceProvider inner, TeamSchemaPlan plan) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            if (!typeof(IGraphType).IsAssignableFrom(serviceType) || serviceType is not { IsAbstract: false, IsInterface: false, ContainsGenericParameters: false })
                return inner.GetService(serviceType);
            var type = ActivatorUtilities.CreateInstance(inner, serviceType);
            if (type is ObjectGraphType<RecordNode> standard && plan.StandardFields.TryGetValue(standard.Name, out var fields))
                new RecordTypeBuilder(standard).SyncedFields(fields);
            // Relationships the team created from Account or Customer (Account.orders), to types this schema holds.
            if (type is ObjectGraphType<RecordNode> related && plan.StandardRelationships.TryGetValue(related.Name, out var relationships))
                new RecordTypeBuilder(related).Relationships(relationships
                    .Where(r => r.Target.Kind != Infrastructure.Models.ModelKind.Custom || plan.Models.Any(m => m.Model.Id == r.Target.Id))
                    .Select(r => TypedGraphTypes.RelationshipField(r, plan)));
            return type;
        }
    }
}

/// <summary>Names Gather's own schema already uses: type names, root fields, and the fields of Account and Customer.</summary>
public sealed record ReservedNames(ISet<string> TypeNames, ISet<string> RootFields, IReadOnlyDictionary<string, ISet<string>> StandardTypeFields);
