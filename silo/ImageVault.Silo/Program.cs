using ImageVault.Silo.Api;
using ImageVault.Silo.Hosting;
using Orleans.Dashboard;

// Composition root of one ImageVault silo (embedded or cluster profile): Orleans, the HTTP API, telemetry.
var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["ImageVault:Profile"] is "Cluster" or "cluster") builder.AddImageVaultCluster();
else builder.AddImageVaultEmbedded();
builder.Services.AddProblemDetails();
builder.Services.AddAdminAccess();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddImageVaultTelemetry(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler(error => error.Run(ExceptionMapping.HandleAsync));
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthEndpoints();
app.MapUploadEndpoints();
app.MapImageEndpoints();
app.MapMediaEndpoints();
app.MapAlbumEndpoints();
app.MapSearchEndpoints();
app.MapIntelligenceEndpoints();
app.MapDuplicateEndpoints();
app.MapAdminEndpoints();
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapOrleansDashboard("/admin/dashboard").RequireAuthorization(AdminAccess.Policy);

app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
