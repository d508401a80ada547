using System.Collections.Concurrent;
using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

[Collection(SystemCollection.Name)]
public sealed class TelemetryTests(SystemFixture system)
{
    [Fact]
    public async Task Traces_and_metrics_are_exported_over_otlp_when_an_endpoint_is_set()
    {
        const int collectorPort = 5299;
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{collectorPort}/");
        collector.Start();
        var paths = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var receiving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var context = await collector.GetContextAsync().WaitAsync(stop.Token);
                paths.Enqueue(context.Request.Url!.AbsolutePath);
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

        await Eventually.GetAsync(() => Task.FromResult(paths.Contains("/v1/traces") && paths.Contains("/v1/metrics") ? "both" : null),
            "OTLP trace and metric exports", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await receiving.ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
