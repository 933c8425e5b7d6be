namespace Gather.Infrastructure.Teams;

/// <summary>First-start settings (<c>Gather:Bootstrap</c>).</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Gather:Bootstrap";

    /// <summary>
    /// A known admin key for scripts and demos (<c>Gather__Bootstrap__ApiKey</c>). When unset,
    /// the first start generates one and prints it once.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The name of the team created on first start.</summary>
    public string TeamName { get; set; } = "My team";
}
