namespace Gather.Api.Ide;

/// <summary>Banana Cake Pop (<c>Gather:Ide</c>).</summary>
public sealed class IdeOptions
{
    public const string Section = "Gather:Ide";

    /// <summary>Serve the IDE to browsers that open <c>/graphql</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the IDE's files are; by default the copy the build puts beside the app.</summary>
    public string? AssetsPath { get; set; }

    /// <summary>The IDE's window title.</summary>
    public string Title { get; set; } = "Gather";
}
