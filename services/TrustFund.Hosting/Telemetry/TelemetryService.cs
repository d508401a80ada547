using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TrustFund.Hosting.Telemetry;

/// <summary>
/// Builds the OpenTelemetry tracer and meter providers by hand (the hosting package is not available) and
/// listens to what the frameworks already emit. Tracing is always on so trace ids reach logs and messages;
/// export happens only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public sealed class TelemetryService(IConfiguration configuration, IHostEnvironment environment) : IHostedService, IDisposable
{
    private TracerProvider? tracing;
    private MeterProvider? metrics;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var resource = ResourceBuilder.CreateDefault().AddService(environment.ApplicationName);
        var export = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        var traceBuilder = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .SetSampler(new ParentBasedSampler(new AlwaysOnSampler()))
            .AddSource(TrustFundTelemetry.Name, "Microsoft.AspNetCore", "System.Net.Http", "MassTransit", "Npgsql");
        var meterBuilder = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(TrustFundTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                "System.Net.Http", "System.Runtime", "MassTransit", "Npgsql");
        if (export)
        {
            traceBuilder.AddOtlpExporter();
            meterBuilder.AddOtlpExporter();
        }
        tracing = traceBuilder.Build();
        metrics = meterBuilder.Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracing?.ForceFlush(2000);
        metrics?.ForceFlush(2000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        tracing?.Dispose();
        metrics?.Dispose();
    }
}
