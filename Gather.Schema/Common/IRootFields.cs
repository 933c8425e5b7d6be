namespace Gather.Schema.Common;

/// <summary>A feature's fields on the root <c>Query</c> type (one implementation per feature folder).</summary>
public interface IQueryFields
{
    void AddTo(QueryType query);
}

/// <summary>A feature's fields on the root <c>Mutation</c> type.</summary>
public interface IMutationFields
{
    void AddTo(MutationType mutation);
}
