using Gather.Api.Hosting;
using Gather.Infrastructure.Storage;
using Gather.Schema;

var builder = WebApplication.CreateBuilder(args);
if (StoreBackupCommand.IsRequested(args))
    return StoreBackupCommand.Run(builder.Configuration, args, Console.Out, Console.Error);

builder.AddGatherStorage();
builder.AddGatherGraphQL();
builder.AddGatherHttp();
builder.AddGatherIntegrationTasks();
builder.AddGatherTelemetry();

var app = builder.Build();
app.MapGather();
app.Run();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
