namespace Gather.Infrastructure.Relationships;

/// <summary>
/// A link between two models: a record of <see cref="FromModelId"/> is related to the records
/// of <see cref="ToModelId"/> whose <see cref="ToField"/> holds the value of its
/// <see cref="FromField"/>. It is navigated by <see cref="Name"/> from the first model and by
/// <see cref="InverseName"/> from the second (Customer.account ↔ Account.customers).
/// </summary>
public sealed record Relationship(
    string Id,
    string TeamId,
    string Name,
    string InverseName,
    string FromModelId,
    string FromField,
    string ToModelId,
    string ToField,
    RelationshipKind Kind,
    DateTimeOffset CreatedAt)
{
    /// <summary>The ways to navigate this relationship from records of <paramref name="modelId"/> (two for a model related to itself).</summary>
    public IEnumerable<RelationshipSide> SidesFrom(string modelId)
    {
        if (FromModelId == modelId)
            yield return new RelationshipSide(this, Name, FromModelId, FromField, ToModelId, ToField);
        if (ToModelId == modelId)
            yield return new RelationshipSide(this, InverseName, ToModelId, ToField, FromModelId, FromField);
    }
}

public enum RelationshipKind
{
    /// <summary>Built in (Customer.account → Account.name); cannot be deleted.</summary>
    Standard,
    /// <summary>Created by the team.</summary>
    Custom,
}
