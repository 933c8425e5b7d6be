using Gather.Api.Hosting;
using Gather.Infrastructure.Storage;
using Gather.Schema;

var builder = WebApplication.CreateBuilder(args);

builder.AddGatherStorage();
builder.AddGatherGraphQL();
builder.AddGatherHttp();
builder.AddGatherIntegrationTasks();
builder.AddGatherTelemetry();

var app = builder.Build();
app.MapGather();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
