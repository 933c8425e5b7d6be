using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Relationships;

/// <summary>
/// A relationship seen from one of its models: from a record of <see cref="SourceModelId"/>,
/// <see cref="Name"/> leads to the records of <see cref="TargetModelId"/> whose
/// <see cref="TargetField"/> equals the record's <see cref="SourceField"/>.
/// </summary>
public sealed record RelationshipSide(
    Relationship Relationship,
    string Name,
    string SourceModelId,
    string SourceField,
    string TargetModelId,
    string TargetField)
{
    /// <summary>The source field as a path (relationship fields were validated as paths when it was created).</summary>
    public FieldPath SourcePath => new(SourceField.Split('.'));

    public FieldPath TargetPath => new(TargetField.Split('.'));

    /// <summary>At most one record lies at the other end when it is matched on its model's ID field (Customer → Account).</summary>
    public bool LeadsToOne(Model target) => TargetField == target.IdField;
}
