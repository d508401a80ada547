using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TrustFund.Hosting.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry through the hosting package: ASP.NET Core, HttpClient, runtime and SqlClient instrumentation,
    /// MassTransit's and Npgsql's activity sources and meters, and our own. Tracing is always on (parent-based, so a
    /// caller's sampling decision holds) so trace ids reach logs, messages and the rows they produce; OTLP export happens only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the other <c>OTEL_*</c> settings itself); logs stay on the console.
    /// </summary>
    public static IServiceCollection AddTrustFundTelemetry(this IServiceCollection services, IConfiguration configuration, string applicationName)
    {
        var export = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(applicationName))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new AlwaysOnSampler()))
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSqlClientInstrumentation()
                .AddSource(TrustFundTelemetry.Name, DiagnosticHeaders.DefaultListenerName, "Npgsql")
                .If(export, t => t.AddOtlpExporter()))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddSqlClientInstrumentation()
                .AddMeter(TrustFundTelemetry.Name, InstrumentationOptions.MeterName, "Npgsql")
                .If(export, m => m.AddOtlpExporter()));
        return services;
    }

    private static T If<T>(this T builder, bool condition, Func<T, T> then) => condition ? then(builder) : builder;
}
