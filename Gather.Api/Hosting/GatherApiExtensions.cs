using Gather.Api.ApiDocs;
using Gather.Api.Authentication;
using Gather.Api.GraphQL;
using Gather.Api.Health;
using Gather.Api.Ide;
using Gather.Api.Records;
using Gather.Api.Integrations;
using Gather.Api.WebConsole;
using Microsoft.AspNetCore.Authentication;

namespace Gather.Api.Hosting;

/// <summary>The HTTP side of Gather: authentication, the GraphQL endpoint, the REST sync endpoint, Stripe webhooks, the IDE and health.</summary>
public static class GatherApiExtensions
{
    public static IHostApplicationBuilder AddGatherHttp(this IHostApplicationBuilder builder)
    {
        builder.AddGatherWorkerThreads();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddOptions<IdeOptions>().BindConfiguration(IdeOptions.Section);
        builder.Services.AddSingleton<BananaCakePop>();
        builder.Services.AddSingleton<GraphQLHttpRequestReader>();
        builder.Services.AddSingleton<GraphQLHttpEndpoint>();
        builder.Services.AddSingleton<SchemaDownload>();
        builder.Services.AddGraphQLRequestLimits();
        builder.Services.AddSingleton<RecordSyncRequestReader>();
        builder.Services.AddSingleton<RecordSyncEndpoint>();
        builder.Services.AddExceptionHandler<StoreUnavailableHandler>();
        builder.Services.AddGatherRateLimits();
        builder.Services.AddGatherCrossOrigin();
        builder.Services.AddGatherForwardedClients();
        builder.Services.AddGatherConsole();
        builder.Services.AddGatherSessions();
        builder.Services.AddHostedService<ReadyBanner>();
        builder.Services.AddGatherApiDocs();
        return builder;
    }

    public static WebApplication MapGather(this WebApplication app)
    {
        // First: everything after it (logs, rate limits) sees the real client's address.
        app.UseGatherForwardedClients();
        // Every error answer, the framework's own included, in Gather's one error shape (ErrorResponse).
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = InternalErrorAnswer.WriteAsync });
        app.UseStatusCodePages(StatusCodeErrors.WriteAsync);
        // Counting starts before authentication, so the key lookup is counted too.
        app.UseStoreRoundTripsHeader();
        // Preflights are answered here, before authentication and rate limits: they carry no key.
        app.UseCors();
        app.UseGatherApiDocsPage();
        app.UseGatherConsoleAssets();
        app.UseAuthentication();
        app.UseRequestLogScope();
        // After authentication, so the bucket is the caller's key.
        app.UseRateLimiter();

        var ide = app.Services.GetRequiredService<BananaCakePop>();
        app.MapGet("/graphql/bcp-config.json", ide.ServeConfigAsync);
        if (ide.IsServed)
            app.UseStaticFiles(new StaticFileOptions { FileProvider = ide.Files, RequestPath = "/graphql" });

        var graphQL = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        var sdl = app.Services.GetRequiredService<SchemaDownload>();
        app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post],
            context => SchemaDownload.IsRequested(context.Request) ? sdl.HandleAsync(context) : graphQL.HandleAsync(context))
            .RequireCors(CrossOrigin.PolicyName);
        var sync = app.Services.GetRequiredService<RecordSyncEndpoint>();
        app.MapPost("/models/{modelId}/records", sync.HandleAsync).RequireCors(CrossOrigin.PolicyName).DescribeSync();
        // Every other method, so that a GET or PUT gets the endpoint's own 405 (JSON, Allow: POST) rather than routing's
        // bare one. Ordered after the POST endpoint, which a POST would otherwise match as ambiguously as this one.
        app.Map("/models/{modelId}/records", sync.HandleAsync).RequireCors(CrossOrigin.PolicyName).ExcludeFromDescription()
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = 1);
        foreach (var integration in app.Services.GetServices<IIntegrationEndpoints>())
            integration.Map(app);
        app.MapGatherHealth();
        app.MapGatherSessions();
        app.MapGatherApiDocs();
        app.MapGatherConsole();
        return app;
    }
}
