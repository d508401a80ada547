using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;
using TrustFund.Hosting.Telemetry;

namespace TrustFund.Hosting;

/// <summary>What every TrustFund service has, switched on in two calls from its Program.cs.</summary>
public static class ServiceDefaults
{
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName, Assembly serviceAssembly)
    {
        // Amounts, dates and file contents never depend on the host's locale (LANG), whatever the machine.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (ServiceCommands.IsCommand(Environment.GetCommandLineArgs()[1..]))
        {
            // A command's standard output is its result (a token, say); its logs go to standard error.
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        var services = builder.Services;
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        services.AddValidatedOptions<RabbitMqOptions>(RabbitMqOptions.Section);
        services.AddValidatedOptions<AuthOptions>(AuthOptions.Section);
        services.AddValidatedOptions<OutboxOptions>(OutboxOptions.Section);
        services.AddValidatedOptions<IdempotencyOptions>(IdempotencyOptions.Section);
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddValidatedOptions<BodyLimitOptions>(BodyLimitOptions.Section);
        var bodies = builder.Configuration.GetSection(BodyLimitOptions.Section).Get<BodyLimitOptions>() ?? new BodyLimitOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = bodies.MaxRequestBodyBytes);

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(new SqlCatalog(database.Provider, [typeof(ServiceDefaults).Assembly, serviceAssembly]));
        services.AddSingleton<Database>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<OutboxWriter>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IdempotentExecutor>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<FundManagers>();

        // Hosted services start in this order: telemetry first so start-up is traced, migrations before the relay.
        services.AddTrustFundTelemetry(builder.Configuration, builder.Environment.ApplicationName);
        if (database.MigrateOnStartup)
        {
            services.AddHostedService<MigrateOnStartupService>();
        }
        if (builder.Configuration.GetValue($"{OutboxOptions.Section}:{nameof(OutboxOptions.RelayEnabled)}", true))
        {
            services.AddHostedService<OutboxRelay>();
        }
        services.AddHostedService<RetentionService>();

        services.AddTrustFundMessaging(serviceName, serviceAssembly);
        services.AddTrustFundAuth();
        services.AddTrustFundProblemDetails();
        services.AddTrustFundRateLimits(builder.Configuration);
        services.AddTrustFundOpenApi();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<ParkedOutboxHealthCheck>("outbox", tags: ["ready"]);

        // Money must arrive as JSON numbers, a misspelt field must not be silently dropped, a field named twice (in any
        // letter case) must not let the last one win, and text must not carry control characters.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.Converters.Add(new TextConverter());
        });
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseTrustFundProblemDetails();
        app.UseAuthentication();
        // After authentication, so that a caller is counted by its subject; before authorization, so refusals count too.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseBodyLimit();
        app.UseRequestGuard();
        // Every endpoint needs an authenticated caller unless it says otherwise (the fallback policy); only these are public,
        // and they are never rate limited (probes and API tooling must always get through).
        app.MapOpenApi().AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteHealthAsync,
        }).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
