using Gather.Infrastructure.Validation;
using GraphQL.Types;

namespace Gather.Schema.Errors;

/// <summary>What a mutation returns: the thing it changed, or the problems that stopped it (then nothing changed).</summary>
public sealed record Payload<T>(T? Value, IReadOnlyList<Problem> Errors) where T : class
{
    public static Payload<T> Of(Result<T> result) => new(result.Value, result.Problems);
}

/// <summary>The shape of a mutation payload: <c>{ thing errors }</c>, HotChocolate's convention.</summary>
public abstract class PayloadGraphType<TGraphType, T> : ObjectGraphType<Payload<T>>
    where TGraphType : IGraphType
    where T : class
{
    protected PayloadGraphType(string name, string description, string field, string fieldDescription)
    {
        Name = name;
        Description = description;
        Field<TGraphType>(field).Description(fieldDescription).Resolve(c => c.Source.Value);
        this.AddErrorsField(p => p.Errors);
    }
}
