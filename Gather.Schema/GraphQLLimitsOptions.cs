using System.ComponentModel.DataAnnotations;

namespace Gather.Schema;

/// <summary>Bounds on every GraphQL request (<c>Gather:GraphQL</c>).</summary>
public sealed class GraphQLLimitsOptions
{
    public const string Section = "Gather:GraphQL";

    /// <summary>Largest request body accepted, in bytes.</summary>
    [Range(1_024, 100 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Deepest selection nesting accepted (introspection needs about 13).</summary>
    [Range(1, 1_000)]
    public int MaxDepth { get; set; } = 20;

    /// <summary>Highest estimated cost accepted; lists multiply the cost of what they contain.</summary>
    [Range(1, 100_000_000)]
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>
    /// Longest a request may take from its arrival to its answer: parsing, the document checks,
    /// validation and execution share this one budget, and a timeout error answers what is left.
    /// </summary>
    [Range(1, 3_600)]
    public int ExecutionTimeoutSeconds { get; set; } = 30;

    // The document limits below are checked on the parsed document before graphql-dotnet
    // validates it: some of its rules (overlapping fields, complexity) cost more than linear time
    // and cannot be interrupted, so what reaches them must already be small.

    /// <summary>
    /// Most lexical tokens (names, punctuation, values) in a document, counted before it is parsed.
    /// Validation visits every node of the document with every rule (about 10 µs a node), so
    /// large literal values belong in variables.
    /// </summary>
    [Range(100, 10_000_000)]
    public int MaxTokens { get; set; } = 10_000;

    /// <summary>Most field selections, counting each fragment once per place it is spread (introspection fields included).</summary>
    [Range(10, 1_000_000)]
    public int MaxFields { get; set; } = 2_000;

    /// <summary>Most aliased field selections, counted like <see cref="MaxFields"/>.</summary>
    [Range(1, 1_000_000)]
    public int MaxAliases { get; set; } = 200;

    /// <summary>Most distinct response names at the root of one operation.</summary>
    [Range(1, 100_000)]
    public int MaxRootFields { get; set; } = 50;

    /// <summary>Longest chain of fragments spreading fragments.</summary>
    [Range(1, 1_000)]
    public int MaxFragmentDepth { get; set; } = 10;

    /// <summary>
    /// Most pairs of selections that land on one response name at one place (fragments expanded):
    /// validation compares each such pair to prove they merge, so this bounds its quadratic part.
    /// </summary>
    [Range(1, 100_000_000)]
    public int MaxMergeComparisons { get; set; } = 1_000;

    /// <summary>
    /// Work per second an API key may spend, in field selections (a token bucket). A document
    /// costs its counted fields, or a tenth of its tokens when that is more.
    /// </summary>
    [Range(1, 100_000_000)]
    public int FieldsPerSecondPerKey { get; set; } = 5_000;

    /// <summary>How many field selections an API key may spend at once after being idle.</summary>
    [Range(1, 1_000_000_000)]
    public int FieldsBurstPerKey { get; set; } = 50_000;

    /// <summary>
    /// Work per second all of a team's keys may spend together, in field selections: a team that
    /// makes more keys gets no more work.
    /// </summary>
    [Range(1, 100_000_000)]
    public int FieldsPerSecondPerTeam { get; set; } = 10_000;

    /// <summary>How many field selections a team's keys may spend at once after being idle.</summary>
    [Range(1, 1_000_000_000)]
    public int FieldsBurstPerTeam { get; set; } = 100_000;

    /// <summary>Most GraphQL operations one team runs at once on this instance; more wait in line, then get 503.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentExecutionsPerTeam { get; set; } = 2;

    /// <summary>
    /// Most operations of one team that wait in line for a place; one more is refused at once (503).
    /// A browser sends several operations together (an IDE's schema probes, a dashboard's panels):
    /// they wait their turn rather than fail, while a flood is refused without holding anything.
    /// </summary>
    [Range(0, 10_000)]
    public int MaxWaitingExecutionsPerTeam { get; set; } = 64;

    /// <summary>How long an operation waits in line for one of its team's places before 503 with Retry-After.</summary>
    [Range(0, 60_000)]
    public int ConcurrencyWaitMilliseconds { get; set; } = 2_000;

    /// <summary>
    /// How long a team's typed schema is used before its models, fields and relationships are
    /// read again to see whether it must be rebuilt (changes made through this instance rebuild it
    /// on the next request anyway; this bounds how stale another instance's changes can look).
    /// </summary>
    [Range(0, 3_600)]
    public int TeamSchemaCheckSeconds { get; set; } = 30;

    /// <summary>
    /// How many teams' typed schemas one instance keeps; past that, the team whose schema was used
    /// longest ago is dropped and rebuilt on its next request. A small team's schema takes about
    /// 0.4 MB (most of it Gather's own types), one of 50 models × 40 fields about 2.3 MB.
    /// </summary>
    [Range(1, 1_000_000)]
    public int TeamSchemaCacheSize { get; set; } = 500;

    /// <summary>Whether teams get their typed schema (a type per model); off, every team runs on Gather's schema and the generic API alone.</summary>
    public bool TypedSchema { get; set; } = true;

    /// <summary>Most typed fields one model's type gets (declared fields first, then by name); the rest are left out, with the reason on the model's <c>typedApi</c>.</summary>
    [Range(1, 100_000)]
    public int MaxTypedFieldsPerModel { get; set; } = 500;

    /// <summary>Most typed fields a team's schema gets across its models, Account and Customer; bounds its build time and memory.</summary>
    [Range(1, 1_000_000)]
    public int MaxTypedFieldsPerTeam { get; set; } = 5_000;
}
