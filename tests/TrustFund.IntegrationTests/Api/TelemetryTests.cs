using System.Collections.Concurrent;
using System.Net;
using System.Text;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

[Collection(SystemCollection.Name)]
public sealed class TelemetryTests(SystemFixture system)
{
    [Fact]
    public async Task Traces_and_metrics_of_requests_queries_and_the_runtime_are_exported_over_otlp_when_an_endpoint_is_set()
    {
        const int collectorPort = 5299;
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{collectorPort}/");
        collector.Start();
        var exports = new ConcurrentQueue<(string Path, string Body)>();
        using var stop = new CancellationTokenSource();
        var receiving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var context = await collector.GetContextAsync().WaitAsync(stop.Token);
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body, stop.Token);
                // Protocol buffers carry names as UTF-8 bytes: enough to find a scope or a metric by its name.
                exports.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        await using var disbursements = await ServiceProcess.StartAsync("Disbursements", 5298, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{collectorPort}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        using (var request = system.Request(HttpMethod.Get, "/funds", "auditor"))
        {
            (await disbursements.Client.SendAsync(request)).Dispose();
        }

        // The request's server span (ASP.NET Core instrumentation) and its query (Npgsql); request, runtime and Npgsql metrics.
        string[] traces = ["Microsoft.AspNetCore", "Npgsql"];
        string[] metrics = ["http.server.request.duration", "dotnet.assembly.count", "Npgsql"];
        await Eventually.GetAsync(() => Task.FromResult(
                traces.All(name => exports.Any(e => e.Path == "/v1/traces" && e.Body.Contains(name, StringComparison.Ordinal)))
                && metrics.All(name => exports.Any(e => e.Path == "/v1/metrics" && e.Body.Contains(name, StringComparison.Ordinal)))
                    ? "all" : null),
            $"OTLP trace exports naming {string.Join(", ", traces)} and metric exports naming {string.Join(", ", metrics)}", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await receiving.ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
