namespace Gather.Infrastructure.Validation;

/// <summary>Either a value or the problems that prevented it; nothing was changed when there are problems.</summary>
public sealed record Result<T>(T? Value, IReadOnlyList<Problem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Invalid(IReadOnlyList<ValidationProblem> problems) => new(default, problems);

    public static Result<T> NotFound(NotFoundProblem problem) => new(default, [problem]);
}
