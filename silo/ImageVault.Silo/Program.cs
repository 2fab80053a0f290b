using ImageVault.Contracts;
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
app.UseExceptionHandler(error => error.Run(async http =>
{
    // Anything unexpected still answers a problem with a stable code; details stay in the log.
    var bad = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is BadHttpRequestException b;
    var result = bad ? Problems.Invalid("the request could not be read") : Problems.Of(ErrorCodes.Internal, "an unexpected error occurred");
    await result.ExecuteAsync(http);
}));
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
