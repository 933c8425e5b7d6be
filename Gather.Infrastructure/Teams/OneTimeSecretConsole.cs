namespace Gather.Infrastructure.Teams;

/// <summary>
/// Where a generated secret is shown once: the process's standard output, deliberately not
/// the logging pipeline (log sinks keep what they receive). Tests substitute a writer.
/// </summary>
public sealed class OneTimeSecretConsole(TextWriter writer)
{
    public OneTimeSecretConsole() : this(Console.Out) { }

    public async Task ShowAsync(string text, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync(text);
        await writer.FlushAsync(cancellationToken);
    }
}
