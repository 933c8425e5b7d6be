using Gather.Schema.Common;
using Gather.Schema.Errors;
using GraphQL;

namespace Gather.Schema;

/// <summary>Gather's GraphQL schema; a singleton, so graph types never hold request state.</summary>
public sealed class GatherSchema : GraphQL.Types.Schema
{
    public GatherSchema(IServiceProvider services, QueryType query, MutationType mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
        Description = "Gather: your company's business data, explorable.";
        // Lets IDEs' current introspection query (isRepeatable, includeDeprecated on
        // arguments) validate; graphql-dotnet 8.8.5 has no specifiedByURL at all.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        this.RegisterTypeMapping<DateTimeOffset, DateTimeType>();
        // Reached only through the Error interface, so named here to be part of the schema.
        this.RegisterType<ValidationErrorType>();
        this.RegisterType<NotFoundErrorType>();
    }
}
