using Gather.Infrastructure.Integrations.Operations;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Validation;
using Gather.Schema.Common;
using Gather.Schema.Integrations;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Tests.FakeCrm;

/// <summary>
/// <c>connectFakeCrm(apiKey)</c>: the fake CRM's own connect step, a root field it contributes like
/// any feature. The fake CRM checks nothing; the integration is added as every integration is.
/// </summary>
public sealed class FakeCrmMutations : IMutationFields
{
    public void AddTo(MutationType mutation) =>
        mutation.Field<IntegrationType>("connectFakeCrm")
            .Description("Connects the fake CRM. Requires ADMIN.")
            .Argument<NonNullGraphType<StringGraphType>>("apiKey")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async c =>
            {
                var key = c.GetArgument<string>("apiKey");
                var services = c.RequestServices!;
                var integration = new Integration(DocumentIds.New("int"), c.TeamStore().TeamId, FakeCrm.Kind,
                    services.GetRequiredService<SecretProtector>().Protect(key), key[^4..], StoreTime.Now(TimeProvider.System));
                var added = await services.GetRequiredService<IntegrationService>().AddAsync(c.TeamStore(), integration,
                    new ValidationProblem("apiKey", "alreadyConnected", "The team already has the fake CRM."), c.CancellationToken);
                return added.Value ?? throw new ExecutionError(added.Problems[0].Message);
            });
}
