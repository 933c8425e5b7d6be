using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Tests.Support;

/// <summary>
/// Makes one store operation (by method name, e.g. <c>AttachAsync</c>) fail the next
/// <see cref="Arm"/>ed number of times with a transient store error (SQLite's "database is
/// locked"), then work again. <see cref="Install"/> wraps the host's store in it.
/// </summary>
public sealed class StoreFaults
{
    private string? _operation;
    private int _remaining;

    public int Injected { get; private set; }

    public void Arm(string operation, int times = 1)
    {
        _operation = operation;
        _remaining = times;
    }

    /// <summary>Replaces the registered <see cref="IGatherStore"/> by one that consults these faults.</summary>
    public void Install(IServiceCollection services) => InterceptedStore.Install(services, (method, _, _) =>
    {
        ThrowIfArmed(method.Name);
        return null;
    });

    internal void ThrowIfArmed(string operation)
    {
        lock (this)
        {
            if (operation != _operation || _remaining <= 0)
                return;
            _remaining--;
            Injected++;
        }
        throw new SqliteException("database is locked (injected by the test)", 5);
    }
}
