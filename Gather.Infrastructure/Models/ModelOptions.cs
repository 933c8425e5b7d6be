using System.ComponentModel.DataAnnotations;

namespace Gather.Infrastructure.Models;

/// <summary>Limits on models (<c>Gather:Models</c>).</summary>
public sealed class ModelOptions
{
    public const string Section = "Gather:Models";

    /// <summary>Longest model name.</summary>
    [Range(1, 200)]
    public int MaxNameLength { get; set; } = 64;

    /// <summary>Most models a team may have, standard ones included; also the size of <c>models</c>.</summary>
    [Range(2, 10_000)]
    public int MaxModelsPerTeam { get; set; } = 200;

    /// <summary>Most fields a model may declare a type for.</summary>
    [Range(1, 10_000)]
    public int MaxDeclaredFields { get; set; } = 200;
}
