using Gather.Infrastructure.Indexes;
using Gather.Schema.Errors;
using GraphQL.Types;

namespace Gather.Schema.Indexes;

public sealed class CreateIndexPayloadType() : PayloadGraphType<IndexType, TeamIndex>(
    "CreateIndexPayload", "The index, built (on SQLite) or being built (on MongoDB).", "index", "The index; null when there are errors.");

/// <summary>What <c>dropIndex</c> did: dropped the index, or let go while a view or task still holds it.</summary>
public sealed class DropIndexPayloadType : ObjectGraphType<Payload<DroppedIndex>>
{
    public DropIndexPayloadType()
    {
        Name = "DropIndexPayload";
        Description = "What dropIndex did: the index is gone, or it stays because a view or task still needs it.";
        Field<BooleanGraphType>("dropped").Description("True when the index is gone; false when something still holds it (see `index.owners`). Null when there are errors.")
            .Resolve(c => c.Source.Value?.Dropped);
        Field<IndexType>("index").Description("The index as it stands now, when it stays; null when dropped or on errors.").Resolve(c => c.Source.Value?.Remaining);
        Field<StringGraphType>("message").Description("What happened, in a sentence: naming what still holds the index when it stays.")
            .Resolve(c => c.Source.Value?.Message);
        this.AddErrorsField(p => p.Errors);
    }
}
