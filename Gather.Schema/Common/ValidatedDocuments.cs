using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQL.Validation;

namespace Gather.Schema.Common;

/// <summary>
/// Remembers which documents each schema has accepted, so that a document sent again (a client
/// runs the same few queries with new variables) does not go through the specification's rules a
/// second time: they read only the document and the schema, and neither has changed. Every other
/// rule still runs on every request, because it reads the variables or the request: the query
/// cost (a page size may be a variable), and stopping when the request is cancelled. Variables
/// are still coerced and every argument parsed. A team's schema is a new object whenever it is
/// rebuilt, so what an older one accepted is never taken for the new one's.
/// </summary>
/// <remarks>
/// Documents are remembered by their SHA-256, at most <see cref="MaxPerSchema"/> per schema; past
/// that the schema's list starts again, so a client sending endless distinct documents costs a
/// bounded amount of memory and gains nothing.
/// </remarks>
public sealed class ValidatedDocuments : IConfigureExecution
{
    public const int MaxPerSchema = 1_000;

    private readonly ConditionalWeakTable<ISchema, ConcurrentDictionary<string, byte>> _accepted = new();

    // After the rules are added (GraphQL.NET's option configurations sort first), before execution.
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Schema is not { } schema || options.Query is not { } query)
            return await next(options);
        var accepted = _accepted.GetValue(schema, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        // The operation too: some rules look only at the operation a request runs.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{options.OperationName}\n{query}")));
        var known = accepted.ContainsKey(key);
        if (known)
            options.ValidationRules = (options.ValidationRules ?? DocumentValidator.CoreRules)
                .Where(rule => !DocumentValidator.CoreRules.Contains(rule)).ToList();
        var result = await next(options);
        // Executed: every rule passed, and the variables were valid too.
        if (!known && result.Executed)
        {
            if (accepted.Count >= MaxPerSchema)
                accepted.Clear();
            accepted.TryAdd(key, 0);
        }
        return result;
    }
}
