using GraphQL.Types;

namespace Gather.Schema.Common;

/// <summary>The root query type, assembled from every feature's <see cref="IQueryFields"/>.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<IQueryFields> features)
    {
        Name = "Query";
        Description = "Read Gather's data. Every field requires an API key; most need the READ scope.";
        foreach (var feature in features)
            feature.AddTo(this);
        ScopeRequirement.EnforceOn(this);
    }
}
