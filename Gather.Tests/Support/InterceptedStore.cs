using System.Reflection;
using Gather.Infrastructure.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Tests.Support;

/// <summary>
/// The real store with one kind of call answered differently: every call reaches the store, and
/// the team stores and stores of kinds it hands out are wrapped the same way, except the calls
/// <c>intercept</c> answers itself (it returns null to let a call through).
/// </summary>
public class InterceptedStore : DispatchProxy
{
    /// <summary>Answers a call instead of the store: given the method, its arguments and the store's own call; null lets the call through.</summary>
    public delegate object? Interception(MethodInfo method, object?[]? args, Func<object?> call);

    private object _inner = null!;
    private Interception _intercept = null!;

    /// <summary>Replaces the app's store with the real one wrapped by <paramref name="intercept"/>.</summary>
    public static void Install(IWebHostBuilder builder, Interception intercept) =>
        builder.ConfigureTestServices(services => Install(services, intercept));

    /// <summary>Replaces the registered store with the real one wrapped by <paramref name="intercept"/>.</summary>
    public static void Install(IServiceCollection services, Interception intercept)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGatherStore));
        services.Remove(registered);
        services.AddSingleton(sp => Wrap<IGatherStore>(ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), intercept));
    }

    private static T Wrap<T>(object inner, Interception intercept) where T : class
    {
        var proxy = Create<T, InterceptedStore>();
        ((InterceptedStore)(object)proxy)._inner = inner;
        ((InterceptedStore)(object)proxy)._intercept = intercept;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        object? Call()
        {
            object? result;
            try
            {
                result = method!.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                // The store's own exception, as callers would see it without the proxy.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
            // Stores handed out (a team's, its records', its models'…: the port's interfaces) are wrapped too.
            return result is not null && method.ReturnType.IsInterface && method.ReturnType.Assembly == typeof(IGatherStore).Assembly
                ? typeof(InterceptedStore).GetMethod(nameof(Wrap), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(method.ReturnType).Invoke(null, [result, _intercept])
                : result;
        }
        return _intercept(method!, args, Call) ?? Call();
    }
}
