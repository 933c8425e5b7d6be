using GraphQL.Types;

namespace Gather.Schema.Common;

/// <summary>The root mutation type, assembled from every feature's <see cref="IMutationFields"/>.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<IMutationFields> features)
    {
        Name = "Mutation";
        Description = "Change Gather's data. Each mutation takes one input and returns a payload with typed errors.";
        foreach (var feature in features)
            feature.AddTo(this);
        ScopeRequirement.EnforceOn(this);
    }
}
