namespace Gather.Api.Hosting;

/// <summary>
/// Why an HTTP request was refused before Gather did its work: the status, the stable error code,
/// the message and, when one field is at fault, its name. One shape for every endpoint; each
/// writes it in its own response format (GraphQL's <c>errors</c>, the sync call's <c>errors</c>).
/// </summary>
public sealed record RequestProblem(int StatusCode, string Code, string Message, string? Field = null);
