namespace Gather.Infrastructure.Validation;

/// <summary>Something wrong with what a caller sent or asked for; surfaces as a typed error in a payload.</summary>
public abstract record Problem(string Message);

/// <summary>
/// Input broke a rule: names the field and the rule so callers can fix it, and, where one is
/// close, what the caller probably meant (<see cref="Suggestion"/>, e.g. <c>amount</c> for <c>amout</c>).
/// </summary>
public sealed record ValidationProblem(string Field, string Rule, string Message, string? Suggestion = null) : Problem(Message);

/// <summary>The caller named something that does not exist in its team.</summary>
public sealed record NotFoundProblem(string Id, string Message) : Problem(Message);
