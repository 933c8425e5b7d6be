using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gather.Bench;

/// <summary>
/// The real Gather server in a process of its own, on loopback and a fresh SQLite file, so its
/// memory can be read apart from the harness's. Killed on dispose.
/// </summary>
public sealed class GatherServer : IAsyncDisposable
{
    public const string AdminKey = "gth_bench_admin_key_0123456789abcdef";

    private readonly Process _process;
    private readonly Queue<string> _lastOutput = new();

    private GatherServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public static async Task<GatherServer> StartAsync(string serverDll, string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(serverDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(serverDll));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Gather__Storage__Provider"] = "Sqlite";
        start.Environment["Gather__Storage__Sqlite__Path"] = databasePath;
        start.Environment["Gather__Bootstrap__ApiKey"] = AdminKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The benchmarks measure capacity; a key's rate limit would measure the limiter.
        start.Environment["Gather__RateLimits__Enabled"] = "false";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name.Replace(":", "__")] = value;

        var server = new GatherServer(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), address);
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>
    /// The most memory the server process has held resident since it started: the kernel's
    /// high-water mark on Linux, the runtime's peak working set elsewhere.
    /// </summary>
    public long PeakResidentBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
        }
        _process.Refresh();
        return _process.PeakWorkingSet64;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output()}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* not answering yet */ }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The server did not become ready within 60 s:\n{Output()}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Remember(string? line)
    {
        if (line is null)
            return;
        lock (_lastOutput)
        {
            _lastOutput.Enqueue(line);
            if (_lastOutput.Count > 40)
                _lastOutput.Dequeue();
        }
    }

    private string Output()
    {
        lock (_lastOutput)
            return string.Join('\n', _lastOutput);
    }

    /// <summary>The last lines the server wrote (at most 40), e.g. to read a figure it logs.</summary>
    public IReadOnlyList<string> RecentOutput()
    {
        lock (_lastOutput)
            return _lastOutput.ToList();
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
