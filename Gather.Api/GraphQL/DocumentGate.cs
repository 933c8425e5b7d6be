using Gather.Schema;
using Gather.Schema.Common;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Gather.Api.GraphQL;

/// <summary>A document that passed the gate: parsed (null when it has a syntax error, which the executer reports) and its cost, in field selections.</summary>
public sealed record GatedDocument(GraphQLDocument? Document, long Cost);

/// <summary>
/// What a document goes through before graphql-dotnet sees it: its tokens are counted, it is
/// parsed once (the executer reuses the result), and <see cref="DocumentLimits"/> measures it.
/// Each step is linear in the document's size, which the body limit bounds, so a refusal costs
/// milliseconds however the document was built.
/// </summary>
public sealed class DocumentGate(IOptions<GraphQLLimitsOptions> options)
{
    public (GatedDocument? Document, DocumentLimitViolation? Violation) Inspect(string query)
    {
        var limits = options.Value;
        var tokens = CountTokens(query, limits.MaxTokens);
        if (tokens > limits.MaxTokens)
            return (null, new(ErrorCodes.MaxTokensExceeded,
                $"The document has more than {limits.MaxTokens} tokens (Gather:GraphQL:MaxTokens). Split it into smaller requests, and pass long values as variables."));

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The executer parses it again and reports the error in GraphQL's usual shape.
            return (new(null, 1), null);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, new(ErrorCodes.DocumentTooDeep,
                "The document nests deeper than the parser allows (about 60 levels of selections, lists or input objects). Flatten the selection or the value."));
        }

        // Validation's work grows with the fields (some rules expand fragments) and with every
        // node of the document (each rule visits each), so the cost charged is the larger of the two.
        var (fields, violation) = DocumentLimits.Check(document, limits);
        return violation is null ? (new(document, Math.Max(1, Math.Max(fields, tokens / 10))), null) : (null, violation);
    }

    /// <summary>The document's tokens, counting stopped just past <paramref name="limit"/>; 0 when it does not lex (the parser reports why).</summary>
    private static int CountTokens(string query, int limit)
    {
        var count = 0;
        var position = 0;
        try
        {
            while (count <= limit)
            {
                var token = Lexer.Lex(query, position);
                if (token.Kind == TokenKind.EOF)
                    break;
                count++;
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            return 0;
        }
        return count;
    }
}
