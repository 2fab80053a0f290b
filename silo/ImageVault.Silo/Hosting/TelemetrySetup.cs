using ImageVault.Grains.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ImageVault.Silo.Hosting;

/// <summary>Traces and metrics: always a Prometheus scrape endpoint; OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddImageVaultTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .WithTracing(t =>
            {
                t.AddSource(ImageVaultTelemetry.Name).AddAspNetCoreInstrumentation();
                if (otlp) t.AddOtlpExporter();
            })
            .WithMetrics(m =>
            {
                m.AddMeter(ImageVaultTelemetry.Name).AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (otlp) m.AddOtlpExporter();
            });
        return services;
    }
}
