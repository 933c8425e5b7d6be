using System.Security.Cryptography;
using System.Text;
using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Schema.Common;
using Gather.Schema.Records;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Tests.FakeCrm;

/// <summary>
/// A second integration that lives only in the tests, to hold the seam open: a fake CRM whose
/// one task (Sync CRM Contacts) attaches each record's contact (<c>crmContact</c>), and whose
/// connection brings one integration model (CrmContact). Plugged in by <see cref="AddFakeCrm"/> alone.
/// </summary>
public static class FakeCrm
{
    public static readonly IntegrationKind Kind = new("FakeCrm");

    public static readonly IntegrationTaskKind SyncContacts = new("SyncCrmContacts");

    public const string ContactModel = "CrmContact";

    public static readonly AttachedSectionKind ContactSection = new("crmContact", SyncContacts.Name,
        [("id", FieldType.String), ("name", FieldType.String), ("score", FieldType.Int)]);

    public static IReadOnlyList<Model> ModelsFor(string teamId, DateTimeOffset connectedAt) =>
    [
        new("model_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{teamId}/fakecrm/{ContactModel}")))[..24], teamId, ContactModel,
            ModelKind.Integration, "id", [new DeclaredField("id", FieldType.String)], connectedAt, connectedAt),
    ];

    /// <summary>The one call that plugs the fake CRM in.</summary>
    public static IServiceCollection AddFakeCrm(this IServiceCollection services)
    {
        services.AddGatherIntegration(new IntegrationDefinition(Kind, [SyncContacts], [ContactSection], ModelsFor));
        services.AddSingleton<IIntegrationTaskSync, SyncCrmContacts>();
        services.AddSingleton<AttachedSection>(CrmContactSection.Instance);
        services.AddSingleton<IMutationFields, FakeCrmMutations>();
        services.AddTransient<CrmContactType>();
        services.AddTransient<CrmContactFilterInputType>();
        services.AddTransient<CrmContactSortInputType>();
        return services;
    }
}
