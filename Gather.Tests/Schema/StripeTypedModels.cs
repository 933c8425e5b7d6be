using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Records;
using Gather.Schema.Typed;

namespace Gather.Tests.Schema;

/// <summary>Whether a model's typed type shows the attached Stripe charge (<c>model.HasStripeCharge</c>), for the naming checks.</summary>
public static class StripeTypedModels
{
    extension(TypedModel model)
    {
        public bool HasStripeCharge => model.AttachedSections.Contains(AttachedData.StripeCharge);
    }
}
