using Gather.Schema.Loading;
using GraphQLParser;
using GraphQLParser.AST;

namespace Gather.Tests.Schema;

/// <summary>
/// Which documents read one model's field catalogue alone (a single list names paths), or one
/// model alone (a page of one model and nothing else), and which read every model and catalogue
/// together, as before (several places ask, or one the document cannot show).
/// </summary>
public sealed class DocumentReadsTests
{
    [Theory]
    [InlineData("""query($m: ID!) { records(modelId: $m, where: { field: "status", eq: "paid" }) { nodes { id fields } } }""", true)]
    [InlineData("""query($m: ID!, $o: [RecordSortInput!]) { records(modelId: $m, order: $o) { totalCount } }""", true)]
    [InlineData("""query($m: ID!) { records(modelId: $m) { nodes { related(name: "customer", where: { field: "a", eq: 1 }) { totalCount } } } }""", true)]
    [InlineData("""query($m: ID!) { a: records(modelId: $m, where: { field: "a", eq: 1 }) { totalCount } b: records(modelId: $m, order: [{ field: "a" }]) { totalCount } }""", false)]
    [InlineData("""query($m: ID!) { records(modelId: $m, where: { field: "a", eq: 1 }) { nodes { related(name: "c", order: [{ field: "b" }]) { totalCount } } } }""", false)]
    [InlineData("""query($m: ID!) { records(modelId: $m, where: { field: "a", eq: 1 }) { totalCount } view(id: "v") { id } }""", false)]
    [InlineData("""query($m: ID!) { records(modelId: $m, where: { field: "a", eq: 1 }) { totalCount } models { fields { path } } }""", false)]
    [InlineData("""query($m: ID!) { records(modelId: $m, where: { field: "a", eq: 1 }) { ...more } } fragment more on RecordConnection { nodes { related(name: "c", where: { field: "b", eq: 2 }) { totalCount } } }""", false)]
    [InlineData("""query($m: ID!) { records(modelId: $m, where: { field: "a", eq: 1 }) { ... on RecordConnection { nodes { related(name: "c", order: [{ field: "b" }]) { totalCount } } } } }""", false)]
    [InlineData("""query($m: ID!) { records(modelId: $m) { totalCount } }""", false)]
    public void One_list_naming_paths_reads_its_own_catalogue_alone(string document, bool alone)
    {
        var parsed = Parser.Parse(document);
        var operation = parsed.Definitions.OfType<GraphQLOperationDefinition>().Single();

        Assert.Equal(alone, DocumentReads.Of(parsed, operation).OneListNamesPaths);
    }

    [Theory]
    [InlineData("""query($m: ID!) { records(modelId: $m, first: 50) { nodes { id fields } pageInfo { hasNextPage endCursor } } }""", true)]
    [InlineData("""query($m: ID!) { record(modelId: $m, id: "o1") { id fields createdAt } }""", true)]
    [InlineData("""query($m: ID!) { records(modelId: $m) { edges { cursor node { ...page } } totalCount } } fragment page on Record { id fields }""", true)]
    [InlineData("""query($m: ID!) { records(modelId: $m) { nodes { id related(name: "customer") { totalCount } } } }""", false)]
    [InlineData("""query($m: ID!) { records(modelId: $m) { nodes { model { name } } } }""", false)]
    [InlineData("""query($m: ID!) { records(modelId: $m) { nodes { values } } }""", false)]
    [InlineData("""query($m: ID!, $n: ID!) { a: records(modelId: $m) { totalCount } b: records(modelId: $n) { totalCount } }""", false)]
    [InlineData("""query($m: ID!) { records(modelId: $m) { totalCount } viewer { team { id } } }""", false)]
    public void A_document_reading_one_models_page_and_nothing_else_reads_that_model_alone(string document, bool alone)
    {
        var parsed = Parser.Parse(document);
        var operation = parsed.Definitions.OfType<GraphQLOperationDefinition>().Single();

        Assert.Equal(alone, DocumentReads.Of(parsed, operation).OneModelOnly);
    }
}
