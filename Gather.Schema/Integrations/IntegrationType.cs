using Gather.Infrastructure.Integrations;
using Gather.Schema.Common;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Integrations;

/// <summary>A connected integration. Its secret key is never returned, only its last four characters.</summary>
public sealed class IntegrationType : ObjectGraphType<Integration>
{
    public IntegrationType()
    {
        Name = "Integration";
        Description = "A connection to an outside service, e.g. Stripe.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable and opaque.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntegrationKindType>>("kind").Description("The service.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("secretKeyLast4")
            .Description("The last four characters of the secret key, to tell keys apart; the key itself is stored encrypted and never shown.")
            .Resolve(c => c.Source.SecretKeyLast4);
        Field<NonNullGraphType<DateTimeType>>("createdAt").Description("When it was connected.").Resolve(c => c.Source.CreatedAt);
    }
}

/// <summary>The registered integrations' services (<c>Stripe</c> as <c>STRIPE</c>).</summary>
public sealed class IntegrationKindType : EnumerationGraphType
{
    public IntegrationKindType(IntegrationCatalog integrations)
    {
        Name = "IntegrationKind";
        Description = "The services Gather integrates with.";
        foreach (var kind in integrations.Kinds)
            Add(kind.Name.ToConstantCase(), kind);
    }
}
