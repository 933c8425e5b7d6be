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

    /// <summary>Longest an operation may run before graphql-dotnet cancels it with a timeout error.</summary>
    [Range(1, 3_600)]
    public int ExecutionTimeoutSeconds { get; set; } = 30;

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
