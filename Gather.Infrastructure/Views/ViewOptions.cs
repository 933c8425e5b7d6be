using System.ComponentModel.DataAnnotations;

namespace Gather.Infrastructure.Views;

/// <summary>Limits on views (<c>Gather:Views</c>).</summary>
public sealed class ViewOptions
{
    public const string Section = "Gather:Views";

    [Range(1, 10_000)]
    public int MaxViewsPerTeam { get; set; } = 500;

    [Range(1, 200)]
    public int MaxNameLength { get; set; } = 100;

    [Range(1, 500)]
    public int MaxColumns { get; set; } = 50;
}
