namespace Gather.Api.Hosting;

/// <summary>
/// The error answer of Gather's HTTP endpoints outside GraphQL, in GraphQL's error shape, so a
/// client parses one format whatever failed: <c>{ "errors": [{ "message", "extensions": { "code", "field", "rule" } }] }</c>.
/// </summary>
public sealed record ErrorsBody(IReadOnlyList<ErrorBody> Errors);

/// <summary>One error: a message for people, a code for programs.</summary>
public sealed record ErrorBody(string Message, ErrorExtensions Extensions);

/// <summary>The error's code; for input errors the field (or header) at fault and the rule it broke.</summary>
public sealed record ErrorExtensions(string Code, string? Field = null, string? Rule = null);
