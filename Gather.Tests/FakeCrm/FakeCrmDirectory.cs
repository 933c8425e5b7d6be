namespace Gather.Tests.FakeCrm;

/// <summary>One contact in the fake CRM: what its task attaches to the records that name it.</summary>
public sealed record CrmContact(string Id, string Name, int Score);

/// <summary>The fake CRM's contacts: the outside service its task reads (in memory, the same for every team).</summary>
public static class FakeCrmDirectory
{
    public static readonly IReadOnlyList<CrmContact> Contacts =
    [
        new("crm_1", "Ada", 9),
        new("crm_2", "Brook", 4),
        new("crm_3", "Cyd", 7),
    ];
}
