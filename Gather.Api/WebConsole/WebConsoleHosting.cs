namespace Gather.Api.WebConsole;

/// <summary>Registers and maps the console.</summary>
public static class WebConsoleHosting
{
    public static IServiceCollection AddGatherConsole(this IServiceCollection services)
    {
        services.AddOptions<WebConsoleOptions>().BindConfiguration(WebConsoleOptions.Section).ValidateOnStart();
        services.AddSingleton<WebConsole>();
        return services;
    }

    /// <summary>The console's files, before authentication: they are public and cost no key lookup.</summary>
    public static WebApplication UseGatherConsoleAssets(this WebApplication app)
    {
        var console = app.Services.GetRequiredService<WebConsole>();
        if (console.IsServed)
            console.UseAssets(app);
        return app;
    }

    /// <summary>Last: only a GET no endpoint answers reaches the console's page.</summary>
    public static WebApplication MapGatherConsole(this WebApplication app)
    {
        var console = app.Services.GetRequiredService<WebConsole>();
        if (console.IsServed)
            app.MapFallback(console.ServePageAsync);
        return app;
    }
}
