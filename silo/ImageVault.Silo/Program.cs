using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Silo.Api;
using ImageVault.Silo.Hosting;
using ImageVault.Silo.Security;
using Orleans.Dashboard;

// Composition root of one ImageVault silo (embedded or cluster profile): Orleans, the HTTP API, security, telemetry.
var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["ImageVault:Profile"] is "Cluster" or "cluster") builder.AddImageVaultCluster();
else builder.AddImageVaultEmbedded();
builder.Services.AddProblemDetails();
builder.Services.AddImageVaultSecurity(builder.Configuration);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.ConfigureImageVaultJson());
builder.Services.AddImageVaultTelemetry(builder.Configuration);
builder.Services.AddOpenApi(); // the wire contract, checked in as docs/openapi/v1.json and compared by a test
builder.WebHost.ConfigureKestrel(k => (k.Limits.MaxRequestBodySize, k.Limits.MaxRequestHeadersTotalSize) = (SecurityServices.MaxBodyBytes, SecurityServices.MaxHeaderBytes));

var app = builder.Build();
app.UseExceptionHandler(error => error.Run(ExceptionMapping.HandleAsync));
app.UseStatusCodePages();
app.UseMiddleware<SecurityHeaders>();
app.UseImageVaultWebUi();
app.UseRouting();
app.UseMiddleware<CallerResolver>();
app.UseRateLimiter();
app.UseMiddleware<AuditTrail>();
app.UseMiddleware<AccessGate>();

app.MapHealthEndpoints();
app.MapAuthEndpoints();
app.MapOidcEndpoints();
app.MapUploadEndpoints();
app.MapImageEndpoints();
app.MapMediaEndpoints();
app.MapAlbumEndpoints();
app.MapArchiveEndpoints();
app.MapSearchEndpoints();
app.MapIntelligenceEndpoints();
app.MapDuplicateEndpoints();
app.MapShareEndpoints();
app.MapSharedEndpoints();
app.MapTenantAdminEndpoints();
app.MapAdminEndpoints();
app.MapSystemEndpoints();
app.MapOpenApi().RequireAccess(Permission.Public);
app.MapPrometheusScrapingEndpoint("/metrics").RequireAccess(Permission.SystemAdmin);
app.MapOrleansDashboard("/admin/dashboard").RequireAccess(Permission.SystemAdmin).ExcludeFromDescription();
AccessRules.VerifyAllDeclared(((IEndpointRouteBuilder)app).DataSources);

app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
