using GraphQLParser;
using GraphQLParser.Exceptions;

namespace Gather.Tests.Docs;

/// <summary>
/// Every GraphQL example in the guides and the quickstart is a whole document a reader can paste
/// into Banana Cake Pop: it parses. (The quickstart's run against a server in QuickstartTests.)
/// </summary>
public sealed class GuideExampleSyntaxTests
{
    public static TheoryData<string> Pages() =>
        [.. RepositoryFiles.Documents().Where(d => d.StartsWith("docs/guides/", StringComparison.Ordinal) || d == "docs/quickstart.md")];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_GraphQL_example_parses(string page)
    {
        var problems = new List<string>();
        foreach (var block in FencedBlock.Parse(RepositoryFiles.Read(page)).Where(b => b.Language == "graphql"))
        {
            try
            {
                Parser.Parse(block.Text);
            }
            catch (GraphQLSyntaxErrorException e)
            {
                problems.Add($"{e.Message}\n{block.Text}");
            }
        }
        Assert.True(problems.Count == 0, $"{page}:\n{string.Join("\n\n", problems)}");
    }
}
