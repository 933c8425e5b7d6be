using Gather.Api.Hosting;
using Gather.Api.Integrations.StripeIntegration;
using Gather.Infrastructure;
using Gather.Schema;

var builder = WebApplication.CreateBuilder(args);
if (StoreBackupCommand.IsRequested(args))
    return StoreBackupCommand.Run(builder.Configuration, args, Console.Out, Console.Error);

builder.AddGatherInfrastructure();
builder.AddGatherGraphQL();
builder.AddGatherHttp();
builder.AddGatherIntegrationTasks();
builder.AddGatherStripe();
builder.AddGatherTelemetry();

var app = builder.Build();
app.MapGather();
app.Run();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
