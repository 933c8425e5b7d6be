using System.Reflection;
using Gather.Infrastructure.Storage;
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
    public void Install(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGatherStore));
        services.Remove(registered);
        services.AddSingleton(sp => FaultyStore.Wrap((IGatherStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), this));
    }

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

/// <summary>A pass-through proxy over the store's interfaces; the team store and its parts are wrapped as they are handed out.</summary>
public class FaultyStore : DispatchProxy
{
    private object _inner = null!;
    private StoreFaults _faults = null!;

    public static T Wrap<T>(T inner, StoreFaults faults) where T : class => (T)Wrap(typeof(T), inner, faults);

    private static object Wrap(Type contract, object inner, StoreFaults faults)
    {
        var proxy = typeof(DispatchProxy).GetMethod(nameof(Create), 2, Type.EmptyTypes)!.MakeGenericMethod(contract, typeof(FaultyStore))
            .Invoke(null, null)!;
        ((FaultyStore)proxy)._inner = inner;
        ((FaultyStore)proxy)._faults = faults;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        _faults.ThrowIfArmed(targetMethod!.Name);
        object? result;
        try
        {
            result = targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        var returned = targetMethod.ReturnType;
        return result is not null && returned.IsInterface && returned.Namespace == typeof(IGatherStore).Namespace
            ? Wrap(returned, result, _faults)
            : result;
    }
}
