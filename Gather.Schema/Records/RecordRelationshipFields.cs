using Gather.Infrastructure.Records.Querying;
using Gather.Schema.Relationships;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>
/// A relationship as a field of its own on a record type, for the standard types (Account's
/// <c>customers</c>, Customer's <c>account</c>) and the typed ones (<c>Orders.account</c>,
/// <c>Account.orders</c>) alike: to one record, the target's type; to many, its connection.
/// </summary>
public static class RecordRelationshipFields
{
    /// <summary>The one record <paramref name="relationship"/> leads to, as <paramref name="target"/>; null when there is none.</summary>
    public static FieldType ToOne(string fieldName, string relationship, GraphTypeRef target, string description) =>
        target.Nullable(new FieldType
        {
            Name = fieldName,
            Description = description,
            Resolver = new FuncFieldResolver<RecordNode, object?>(async c => await RelatedRecords.OneAsync(c, relationship)),
        });

    /// <summary>
    /// A page of the records <paramref name="relationship"/> leads to, as <paramref name="connection"/>.
    /// The query comes from the generic list arguments, or from <paramref name="typedQuery"/> for a
    /// typed target's arguments (null, with the problems reported, when they are invalid).
    /// </summary>
    public static FieldType ToMany(string fieldName, string relationship, GraphTypeRef connection, QueryArguments arguments, string description,
        Func<IResolveFieldContext, RecordQuery?>? typedQuery = null) =>
        connection.Nullable(new FieldType
        {
            Name = fieldName,
            Description = description,
            Arguments = arguments,
            Resolver = new FuncFieldResolver<RecordNode, object?>(async c => typedQuery is null
                ? await RelatedRecords.ConnectionAsync(c, relationship)
                : typedQuery(c) is { } query ? await RelatedRecords.ConnectionAsync(c, relationship, query) : null),
        });
}
