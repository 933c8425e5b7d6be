using System.ComponentModel.DataAnnotations;

namespace Gather.Infrastructure.Relationships;

/// <summary>Limits on relationships (<c>Gather:Relationships</c>).</summary>
public sealed class RelationshipOptions
{
    public const string Section = "Gather:Relationships";

    /// <summary>How many relationships a team may define, the standard one included.</summary>
    [Range(1, 10_000)]
    public int MaxRelationshipsPerTeam { get; set; } = 200;

    /// <summary>Longest relationship name (and inverse name).</summary>
    [Range(1, 128)]
    public int MaxNameLength { get; set; } = 64;
}
