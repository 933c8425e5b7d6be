using System.Collections.Concurrent;
using Gather.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gather.Tests.Http;

/// <summary>Log lines written during a request carry its request, team and key ids, and never the API key.</summary>
public sealed class RequestLoggingTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_graphql_request_logs_with_request_team_and_key_ids_but_not_the_key()
    {
        var captured = new CapturingLoggerProvider();
        using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(captured)));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Authorization", $"Token {GatherApiFactory.AdminKey}");

        var viewer = await client.PostGraphQLAsync("query Who { viewer { team { id } apiKeyId } }");

        var teamId = viewer.Data!["viewer"]!["team"]!["id"]!.GetValue<string>();
        var keyId = viewer.Data["viewer"]!["apiKeyId"]!.GetValue<string>();
        var line = Assert.Single(captured.Lines, l => l.Message.StartsWith("GraphQL query Who ran in", StringComparison.Ordinal));
        Assert.Equal(teamId, line.Scope["TeamId"]);
        Assert.Equal(keyId, line.Scope["ApiKeyId"]);
        Assert.False(string.IsNullOrEmpty(line.Scope["RequestId"] as string));
        Assert.DoesNotContain(captured.Lines, l => l.Message.Contains(GatherApiFactory.AdminKey, StringComparison.Ordinal)
                                                   || l.Scope.Values.Any(v => v?.ToString()?.Contains(GatherApiFactory.AdminKey, StringComparison.Ordinal) == true));
    }

    private sealed record Line(string Category, string Message, IReadOnlyDictionary<string, object?> Scope);

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<Line> Queue { get; } = new();

        public IReadOnlyList<Line> Lines => Queue.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                provider._scopes.ForEachScope((value, into) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (key, item) in pairs)
                            into[key] = item;
                }, scope);
                provider.Queue.Enqueue(new Line(category, formatter(state, exception), scope));
            }
        }
    }
}
