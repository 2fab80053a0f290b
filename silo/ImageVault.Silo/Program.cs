using ImageVault.Silo.Api;
using ImageVault.Silo.Hosting;
using ImageVault.Grains.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// Composition root of one ImageVault silo (embedded profile): Orleans, the HTTP API, telemetry.
var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["ImageVault:Profile"] is "Cluster" or "cluster") builder.AddImageVaultCluster();
else builder.AddImageVaultEmbedded();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddOpenTelemetry()
    .WithTracing(t => t.AddSource(ImageVaultTelemetry.Name).AddAspNetCoreInstrumentation())
    .WithMetrics(m => m.AddMeter(ImageVaultTelemetry.Name).AddAspNetCoreInstrumentation().AddPrometheusExporter());

var app = builder.Build();
app.UseExceptionHandler(error => error.Run(ExceptionMapping.HandleAsync));
app.UseStatusCodePages();

app.MapHealthEndpoints();
app.MapUploadEndpoints();
app.MapImageEndpoints();
app.MapMediaEndpoints();
app.MapAlbumEndpoints();
app.MapSearchEndpoints();
app.MapAdminEndpoints();
app.MapPrometheusScrapingEndpoint("/metrics");

app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
