using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrustFund.LoadRunner;

public sealed record LevelResult(
    int Concurrency, int Accepted, int Failed, double AcceptedPerSecond,
    double PostP50, double PostP95, double PostP99, double EndToEndP50, double EndToEndP95, double EndToEndP99, int Lost);

/// <summary>One concurrency level: warm-up, a fixed measured period, then a drain until Reporting has everything.</summary>
public static class ContributionLoad
{
    public static async Task<LevelResult> RunLevelAsync(LoadOptions options, int concurrency)
    {
        using var client = CreateClient(options, concurrency);
        var run = Guid.NewGuid().ToString("N")[..8];

        var fund = $"bench-{run}-c{concurrency}";
        await BenchSetup.RegisterDonorsAsync(options, Enumerable.Range(0, 7).Select(d => $"donor-{d}"));
        await BenchSetup.DefineFundAsync(options, $"bench-{run}-warm");
        await BenchSetup.DefineFundAsync(options, fund);
        await DriveAsync(client, $"bench-{run}-warm", concurrency, options.WarmUp, new ConcurrentDictionary<string, Sent>());

        var sent = new ConcurrentDictionary<string, Sent>();
        var seen = new ConcurrentDictionary<string, DateTimeOffset>();
        using var stopPolling = new CancellationTokenSource();
        var draining = false;
        var poller = PollReportingAsync(client, options.Reporting, fund, seen, () => Volatile.Read(ref draining), stopPolling.Token);

        var clock = Stopwatch.StartNew();
        var failed = await DriveAsync(client, fund, concurrency, options.Duration, sent);
        var measured = clock.Elapsed;

        var accepted = sent.Values.Where(s => s.Accepted).ToList();
        Volatile.Write(ref draining, true);
        var drainUntil = DateTime.UtcNow + options.DrainTimeout;
        while (accepted.Any(s => !seen.ContainsKey(s.ContributionId)) && DateTime.UtcNow < drainUntil)
        {
            await Task.Delay(100);
        }
        await stopPolling.CancelAsync();
        await poller;

        var post = accepted.Select(s => s.PostMs).Order().ToList();
        var endToEnd = accepted.Where(s => seen.ContainsKey(s.ContributionId))
            .Select(s => Math.Max(0, (seen[s.ContributionId] - s.StartedAt).TotalMilliseconds)).Order().ToList();
        var result = new LevelResult(concurrency, accepted.Count, failed, accepted.Count / measured.TotalSeconds,
            Percentiles.Of(post, 50), Percentiles.Of(post, 95), Percentiles.Of(post, 99),
            Percentiles.Of(endToEnd, 50), Percentiles.Of(endToEnd, 95), Percentiles.Of(endToEnd, 99),
            accepted.Count - endToEnd.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  concurrency {concurrency,3}: {result.Accepted} accepted ({result.AcceptedPerSecond:0.0}/s), {failed} failed, e2e p50 {result.EndToEndP50:0} ms, {result.Lost} not in Reporting"));
        return result;
    }

    private static HttpClient CreateClient(LoadOptions options, int concurrency)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency + 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = options.Pledges,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        return client;
    }

    /// <summary>Runs <paramref name="concurrency"/> closed-loop workers posting contributions until the time is up; returns the failures.</summary>
    private static async Task<int> DriveAsync(HttpClient client, string fund, int concurrency, TimeSpan duration, ConcurrentDictionary<string, Sent> sent)
    {
        var failed = 0;
        var deadline = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (DateTime.UtcNow < deadline)
            {
                var id = Guid.NewGuid();
                using var request = new HttpRequestMessage(HttpMethod.Post, "/contributions")
                {
                    Content = JsonContent.Create(new
                    {
                        contributionId = id,
                        donorId = $"donor-{worker % 7}",
                        fundId = fund,
                        amount = 100m + worker + 0.25m,
                        currency = "USD",
                        earmark = new { kind = "window", windowId = "mercury" },
                        valueDate = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    }),
                };
                request.Headers.Add("Idempotency-Key", id.ToString());
                var startedAt = DateTimeOffset.UtcNow;
                var timer = Stopwatch.StartNew();
                try
                {
                    using var response = await client.SendAsync(request);
                    var ok = response.StatusCode == HttpStatusCode.Created;
                    sent[id.ToString()] = new Sent(id.ToString(), startedAt, timer.Elapsed.TotalMilliseconds, ok);
                    if (!ok)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        return failed;
    }

    /// <summary>
    /// Follows the fund's ledger in Reporting and notes when each contribution's entry was posted. Entry ids are
    /// handed out before commit, so a later id can become visible before an earlier one: each poll re-reads a
    /// window behind the highest id seen, and <paramref name="rescan"/> asks for a full pass from the start.
    /// </summary>
    private static async Task PollReportingAsync(HttpClient client, Uri reporting, string fund, ConcurrentDictionary<string, DateTimeOffset> seen,
        Func<bool> rescan, CancellationToken stop)
    {
        const int Window = 300;
        long highest = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var after = rescan() ? 0 : Math.Max(0, highest - Window);
                int count;
                do
                {
                    var page = await client.GetFromJsonAsync<JsonElement>(new Uri(reporting, $"/funds/{fund}/ledger/entries?afterEntryId={after}&limit=1000"), stop);
                    var entries = page.GetProperty("entries").EnumerateArray().ToList();
                    foreach (var entry in entries)
                    {
                        seen.TryAdd(entry.GetProperty("sourceId").GetString()!, entry.GetProperty("postedAt").GetDateTimeOffset());
                        after = entry.GetProperty("entryId").GetInt64();
                        highest = Math.Max(highest, after);
                    }
                    count = entries.Count;
                }
                while (count == 1000);
                await Task.Delay(250, stop); // latency comes from postedAt, so polling often would only add load
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private sealed record Sent(string ContributionId, DateTimeOffset StartedAt, double PostMs, bool Accepted);
}
