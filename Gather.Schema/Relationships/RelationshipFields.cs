using Gather.Schema.Records;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Relationships;

/// <summary>Adds <c>related</c> and <c>relatedOne</c> to a record type: navigation along any relationship of the record's model.</summary>
public static class RelationshipFields
{
    public static void AddTo(ObjectGraphType<RecordNode> type)
    {
        type.Field<RecordsConnectionType>("related")
            .Description("The records a relationship of this record's model leads to, e.g. `related(name: \"projects\")`.")
            .Argument<NonNullGraphType<StringGraphType>>("name", "The relationship's name (or inverse name) as seen from this model.")
            .WithRelatedListArguments()
            .ResolveAsync(c => RelatedRecords.ConnectionAsync(c, c.GetArgument<string>("name")));

        type.Field<RecordType>("relatedOne")
            .Description("The one record a relationship leads to when it matches the other model's ID field (e.g. a project's `account`); null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("name", "The relationship's name (or inverse name) as seen from this model.")
            .ResolveAsync(c => RelatedRecords.OneAsync(c, c.GetArgument<string>("name")));
    }
}
