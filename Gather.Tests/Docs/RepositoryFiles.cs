namespace Gather.Tests.Docs;

/// <summary>The repository the tests were built from (found by walking up to <c>Gather.sln</c>): its root, and its documents for readers.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>README.md and every Markdown file under docs/, as paths relative to the root with '/'.</summary>
    public static IReadOnlyList<string> Documents() =>
        [
            "README.md",
            .. Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal),
        ];

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>The build's configuration and target folders (bin/Debug/net10.0), the same for every project of the solution.</summary>
    public static string BuildOutputOf(string project)
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(Root, project, "bin", tfm.Parent!.Name, tfm.Name);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gather.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("Gather.sln not found above the test's folder.");
    }
}
