using Gather.Api.ApiDocs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gather.Api.Authentication;

/// <summary>Registers and maps browser sessions.</summary>
public static class SessionHosting
{
    public static IServiceCollection AddGatherSessions(this IServiceCollection services)
    {
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<SessionEndpoints>();
        return services;
    }

    public static WebApplication MapGatherSessions(this WebApplication app)
    {
        var sessions = app.Services.GetRequiredService<SessionEndpoints>();
        // As Delegates, so the OpenAPI document describes them (a RequestDelegate carries no method to describe).
        app.MapPost("/session", (Delegate)sessions.SignInAsync).DescribeSignIn();
        app.MapDelete("/session", (Delegate)sessions.SignOutAsync).DescribeSignOut();
        return app;
    }
}
