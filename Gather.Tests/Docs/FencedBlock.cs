using System.Text.RegularExpressions;

namespace Gather.Tests.Docs;

/// <summary>A fenced code block of a Markdown document: its language tag and its text.</summary>
public sealed record FencedBlock(string Language, string Text)
{
    /// <summary>Every fenced block in document order; the Markdown between blocks is returned as <see cref="Prose"/>.</summary>
    public static IReadOnlyList<FencedBlock> Parse(string markdown)
    {
        var blocks = new List<FencedBlock>();
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
                continue;
            var language = lines[i][3..].Trim();
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                body.Add(lines[i]);
            blocks.Add(new FencedBlock(language, string.Join('\n', body)));
        }
        return blocks;
    }

    /// <summary>The document without its fenced blocks (and without inline code spans), for links and words.</summary>
    public static string Prose(string markdown) =>
        Regex.Replace(Regex.Replace(markdown.ReplaceLineEndings("\n"), @"(?ms)^```.*?^```[^\n]*$", ""), "`[^`]*`", "");

    /// <summary>
    /// Whether <paramref name="output"/> is what this block shows: the same text, where '…'
    /// stands for anything that differs from run to run (an id, a tail of a list).
    /// </summary>
    public bool Shows(string output)
    {
        var pattern = string.Join(".*?", Text.Trim().Split('…').Select(Regex.Escape));
        return Regex.IsMatch(output.Trim().ReplaceLineEndings("\n"), $"^{pattern}$", RegexOptions.Singleline);
    }
}
