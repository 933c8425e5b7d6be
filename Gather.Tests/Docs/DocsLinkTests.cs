using System.Text.RegularExpressions;

namespace Gather.Tests.Docs;

/// <summary>
/// The README and docs/ are read by people who cloned the repository: every relative link
/// leads to a file (and heading) in it, and no page speaks of how the project was made or of
/// folders outside the repository.
/// </summary>
public sealed partial class DocsLinkTests
{
    /// <summary>
    /// Reference pages the docs link to that another part of the docs writes. Each must not exist
    /// yet: once it does, the test says to take it off this list, so the list cannot outlive them.
    /// </summary>
    public static TheoryData<string> Documents() => [.. RepositoryFiles.Documents()];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_leads_to_a_file_and_heading_of_the_repository(string document)
    {
        var broken = new List<string>();
        foreach (Match link in MarkdownLink().Matches(FencedBlock.Prose(RepositoryFiles.Read(document))))
        {
            var target = link.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                continue;
            var hash = target.IndexOf('#');
            var (path, anchor) = hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
            var file = path.Length == 0 ? document : Normalize(Path.Combine(Path.GetDirectoryName(document)!, path));
            var full = Path.Combine(RepositoryFiles.Root, file);
            if (!File.Exists(full) && !Directory.Exists(full))
                broken.Add($"{target}: no {file}");
            else if (anchor is not null && file.EndsWith(".md", StringComparison.Ordinal) && !Anchors(file).Contains(anchor))
                broken.Add($"{target}: {file} has no heading #{anchor} (it has {string.Join(", ", Anchors(file))})");
        }
        Assert.True(broken.Count == 0, $"{document}:\n{string.Join("\n", broken)}");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void No_document_speaks_of_work_history_or_of_folders_outside_the_repository(string document)
    {
        var text = RepositoryFiles.Read(document);
        var found = WorkHistory().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(found.Count == 0, $"{document} says: {string.Join(", ", found)}");
    }


    [Fact]
    public void The_checks_find_what_they_look_for()
    {
        Assert.Matches(WorkHistory(), "as of Session 3 the");
        Assert.Matches(WorkHistory(), "fixed in issue 16");
        Assert.Matches(WorkHistory(), "see ../shared/DESIGN.md");
        Assert.DoesNotMatch(WorkHistory(), "POST /session signs a browser in");
        Assert.Equal("quickstart.md#1-start-the-fake-stripe-and-gather",
            MarkdownLink().Match("[start](quickstart.md#1-start-the-fake-stripe-and-gather)").Groups["target"].Value);
        Assert.Contains("1-start-the-fake-stripe-and-gather", Anchors("docs/quickstart.md"));
    }

    /// <summary>GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces as '-'.</summary>
    private static HashSet<string> Anchors(string document)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var markdown = Regex.Replace(RepositoryFiles.Read(document).ReplaceLineEndings("\n"), @"(?ms)^```.*?^```[^\n]*$", "");
        foreach (Match heading in Regex.Matches(markdown, @"^#{1,6}[ \t]+(.+?)[ \t]*#*$", RegexOptions.Multiline))
        {
            var slug = Regex.Replace(heading.Groups[1].Value.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", "").Replace(' ', '-');
            var unique = slug;
            for (var n = 1; !anchors.Add(unique); n++)
                unique = $"{slug}-{n}";
        }
        return anchors;
    }

    private static string Normalize(string path) =>
        Path.GetRelativePath(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(RepositoryFiles.Root, path))).Replace('\\', '/');

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?i)\bsessions?\s+\d+\b|\bhelpers?\b|\bwork\s+periods?\b|\bissues?\s+#?\d+\b|\.\./shared\b|/work/|\bdevelopment VM\b|\blearned the hard way\b")]
    private static partial Regex WorkHistory();
}
