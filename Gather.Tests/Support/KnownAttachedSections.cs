using System.Runtime.CompilerServices;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Records;

namespace Gather.Tests.Support;

/// <summary>
/// Many tests use a store without a host, filtering and attaching <c>stripeCharge</c> as the app
/// does; in the app, registering Stripe makes its section known, so here the test assembly does.
/// </summary>
internal static class KnownAttachedSections
{
#pragma warning disable CA2255 // The test assembly is not a library: its load is the one start-up every test shares.
    [ModuleInitializer]
    internal static void RegisterStripe() => AttachedData.Register(StripeChargeAttachment.Section);
#pragma warning restore CA2255
}
