using Gather.Infrastructure.Security;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Gather.Schema.Common;

/// <summary>
/// Scopes are declared on root fields and enforced by wrapping their resolvers. A root field
/// that declares no scope stops the schema from building: access control fails closed.
/// </summary>
public static class ScopeRequirement
{
    private const string MetadataKey = "gather:requiredScope";

    public static FieldBuilder<TSource, TReturn> RequireScope<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, ApiKeyScope scope) =>
        field.WithMetadata(MetadataKey, scope);

    public static ApiKeyScope? RequiredScope(this FieldType field) =>
        field.GetMetadata<ApiKeyScope?>(MetadataKey);

    /// <summary>Wraps every field of a root type in a scope check.</summary>
    public static void EnforceOn(IComplexGraphType root)
    {
        foreach (var field in root.Fields)
        {
            var scope = field.RequiredScope()
                        ?? throw new InvalidOperationException($"Root field {root.Name}.{field.Name} declares no scope; call RequireScope.");
            Enforce(field, scope, root.Name);
        }
    }

    /// <summary>Declares and enforces <paramref name="scope"/> on a root field added after its type was built (a team's typed fields).</summary>
    public static void Enforce(FieldType field, ApiKeyScope scope, string rootName)
    {
        field.WithMetadata(MetadataKey, scope);
        var inner = field.Resolver ?? throw new InvalidOperationException($"Root field {rootName}.{field.Name} has no resolver.");
        field.Resolver = new ScopeCheckingResolver(inner, scope);
    }

    /// <summary>The scopes that grant <paramref name="scope"/>, as GraphQL names them (MANAGE_VIEWS, WRITE or ADMIN).</summary>
    private static string Granting(ApiKeyScope scope)
    {
        var names = Enum.GetValues<ApiKeyScope>().Where(s => s >= scope).Select(s => s.ToWireName().ToUpperInvariant()).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
    }

    private sealed class ScopeCheckingResolver(IFieldResolver inner, ApiKeyScope scope) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            if (context.UserContext is GatherUserContext { CallerRevoked: true })
                throw new ExecutionError(
                    $"This API key was revoked earlier in this document, so '{context.FieldDefinition.Name}' did not run.")
                { Code = ErrorCodes.Unauthenticated };
            if (!context.Caller().Has(scope))
                throw new ExecutionError(
                    $"This API key lacks the '{scope.ToWireName()}' scope that '{context.FieldDefinition.Name}' requires; a key with {Granting(scope)} may.")
                { Code = ErrorCodes.Forbidden };
            return inner.ResolveAsync(context);
        }
    }
}
