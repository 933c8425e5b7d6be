using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gather.Tests.Docs;

/// <summary>
/// A program a document starts with <c>[NAME=value …] dotnet run --project P [args]</c>, run as
/// that command runs it: the project's own build output, its launch profile's environment
/// (Development), the settings the command gives, in the project's folder. Two things differ, so
/// that tests can run beside each other and leave the repository clean: the address (a free
/// loopback port instead of the document's) and a SQLite file in a folder of the test's own.
/// </summary>
public sealed class QuickstartProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private QuickstartProcess(Process process) => _process = process;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts <paramref name="command"/> (one logical line) listening on <paramref name="url"/>.</summary>
    public static QuickstartProcess Start(string command, string url, string dataDirectory)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var settings = words.TakeWhile(w => w.Contains('=') && !w.StartsWith('-')).ToList();
        var rest = words.Skip(settings.Count).ToList();
        Assert.True(rest.Count >= 4 && rest[0] == "dotnet" && rest[1] == "run" && rest[2] == "--project",
            $"Not a 'dotnet run --project' command: {command}");
        var project = rest[3];
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryFiles.Root, project),
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryFiles.BuildOutputOf(project), project + ".dll"));
        foreach (var argument in rest.Skip(4).Append("--urls").Append(url))
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Gather__Storage__Sqlite__Path"] = Path.Combine(dataDirectory, "gather.db");
        foreach (var setting in settings)
            start.Environment[setting[..setting.IndexOf('=')]] = setting[(setting.IndexOf('=') + 1)..];

        var process = new Process { StartInfo = start };
        var started = new QuickstartProcess(process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>A loopback port no one listens on now (the kernel picks it; the probe releases it).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Waits (at most two minutes) until the program answers HTTP at <paramref name="probe"/>.</summary>
    public async Task WaitUntilAnsweringAsync(Uri probe)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"It stopped (exit code {_process.ExitCode}):\n{Output}");
            try
            {
                using var response = await http.GetAsync(probe);
                return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"Nothing answered at {probe}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
