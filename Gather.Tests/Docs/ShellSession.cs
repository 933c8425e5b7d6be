using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Gather.Tests.Docs;

/// <summary>
/// One bash, fed a document's command blocks one after another as a reader pastes them into
/// one terminal, so variables and functions a block defines serve the blocks after it.
/// </summary>
public sealed class ShellSession : IAsyncDisposable
{
    private const string Done = "@@block-done ";
    private const string Failed = "@@command-failed: ";

    private readonly Process _bash;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _errors = new();

    public ShellSession()
    {
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = RepositoryFiles.Root,
        };
        _bash = Process.Start(start)!;
        _bash.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Writer.TryWrite(e.Data); };
        _bash.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_errors) _errors.AppendLine(e.Data); };
        _bash.BeginOutputReadLine();
        _bash.BeginErrorReadLine();
        // A command that fails inside a block is reported (in order, on stdout), not only the block's last status.
        _bash.StandardInput.WriteLine($"set -o pipefail; trap 'echo \"{Failed}$BASH_COMMAND\"' ERR");
    }

    /// <summary>Runs <paramref name="block"/> and returns what it printed; fails the test when a command in it failed.</summary>
    public async Task<string> RunAsync(string block)
    {
        int errorsBefore;
        lock (_errors)
            errorsBefore = _errors.Length;
        await _bash.StandardInput.WriteLineAsync(block);
        await _bash.StandardInput.WriteLineAsync($"printf '\\n{Done}%s\\n' \"$?\"");
        await _bash.StandardInput.FlushAsync();

        var output = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            string line;
            try
            {
                line = await _lines.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The block did not finish:\n{block}\nOutput so far:\n{output}\n{Errors(errorsBefore)}");
            }
            if (line.StartsWith(Done, StringComparison.Ordinal))
            {
                Assert.True(line == Done + "0" && !output.ToString().Contains(Failed, StringComparison.Ordinal),
                    $"A command failed ({line}):\n{block}\nOutput:\n{output}\nErrors:\n{Errors(errorsBefore)}");
                return output.ToString().Trim('\n');
            }
            output.AppendLine(line);
        }
    }

    private string Errors(int from)
    {
        lock (_errors)
            return _errors.ToString(from, _errors.Length - from);
    }

    public async ValueTask DisposeAsync()
    {
        _bash.StandardInput.Close();
        if (!_bash.WaitForExit(5000))
            _bash.Kill(entireProcessTree: true);
        await _bash.WaitForExitAsync();
        _bash.Dispose();
    }
}
