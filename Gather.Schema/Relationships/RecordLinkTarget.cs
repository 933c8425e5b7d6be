using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Relationships;

namespace Gather.Schema.Relationships;

/// <summary>How the target side of a relationship is matched: on the key when the target field is the ID field (the unique index), else on the field.</summary>
public sealed record RecordLinkTarget(RelationshipSide Side, Model Target)
{
    public RecordLink For(IReadOnlyCollection<string> values) =>
        new(Side.TargetField == Target.IdField ? null : Side.TargetPath, values);
}
