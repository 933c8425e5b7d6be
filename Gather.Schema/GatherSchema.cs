using Gather.Schema.Common;
using Gather.Schema.Errors;
using Gather.Schema.Records;
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
        // DeprecationOfInputValues stays off: with it, __InputValue.isDeprecated tells IDEs
        // (Banana Cake Pop) to send __Directive.args(includeDeprecated:), which graphql-dotnet
        // 8.8.5 does not accept, and their schema load fails.
        Features.RepeatableDirectives = true;
        this.RegisterTypeMapping<DateTimeOffset, DateTimeType>();
        // Reached only through the Error interface, so named here to be part of the schema.
        this.RegisterType<ValidationErrorType>();
        this.RegisterType<NotFoundErrorType>();
        this.RegisterType<RecordErrorType>();
    }
}
