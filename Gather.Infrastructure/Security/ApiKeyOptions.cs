using System.ComponentModel.DataAnnotations;

namespace Gather.Infrastructure.Security;

/// <summary>Limits on API keys (<c>Gather:ApiKeys</c>).</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Gather:ApiKeys";

    /// <summary>Longest key name accepted by <c>createApiKey</c>.</summary>
    [Range(1, 1_000)]
    public int MaxNameLength { get; set; } = 100;

    /// <summary>How many keys <c>apiKeys</c> returns, newest first.</summary>
    [Range(1, 10_000)]
    public int MaxListed { get; set; } = 200;
}
