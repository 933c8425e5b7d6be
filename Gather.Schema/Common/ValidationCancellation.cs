using GraphQL.Validation;
using GraphQLParser.AST;

namespace Gather.Schema.Common;

/// <summary>
/// Lets validation stop when the request is cancelled (its time budget ran out, or the client
/// left). graphql-dotnet passes the request's token to validation but its node walk never looks
/// at it; this rule looks at every selection set it enters. A single rule's work on one node
/// still cannot be interrupted: the document limits checked before validation keep that small.
/// </summary>
public sealed class ValidationCancellation : ValidationRuleBase
{
    public static readonly ValidationCancellation Instance = new();

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLSelectionSet>(
        enter: (_, context) => context.CancellationToken.ThrowIfCancellationRequested());

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
