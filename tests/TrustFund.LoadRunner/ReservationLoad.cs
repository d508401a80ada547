using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using TrustFund.Contracts.Messages;

namespace TrustFund.LoadRunner;

/// <param name="ReservedByAnswers">What the answers (warm-up included) say was reserved; Earmarking must hold exactly that.</param>
public sealed record ReservationResult(int Requesters, int Reserved, int Rejected, int Unanswered, double PerSecond,
    double P50, double P95, double P99, decimal ReservedInEarmarking, bool Balanced, decimal ReservedByAnswers);

/// <summary>
/// Reservations under contention: many requesters, each sending <see cref="ReserveFunds"/> over the broker and
/// waiting for its answer before the next, all drawing on one pool made of a single receipt, so every
/// reservation takes the same row locks. Afterwards Earmarking's own totals must hold exactly what was reserved.
/// </summary>
public static class ReservationLoad
{
    private const decimal Amount = 1.00m;

    public static async Task<ReservationResult> RunAsync(LoadOptions options, string rabbitUser, string rabbitPassword)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var fund = $"bench-res-{run}";
        using var earmarking = BenchSetup.Client(options.Earmarking, options.Token);
        using var pledges = BenchSetup.Client(options.Pledges, options.Token);
        await BenchSetup.RegisterDonorsAsync(options, ["bench-donor"]);
        await BenchSetup.DefineFundAsync(options, fund);
        await BenchSetup.PostAsync(pledges, "/contributions", new
        {
            contributionId = Guid.NewGuid(), donorId = "bench-donor", fundId = fund, amount = 10_000_000m, currency = "USD",
            earmark = new { kind = "unearmarked" }, valueDate = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        await WaitForPoolAsync(earmarking, fund);

        var waiting = new ConcurrentDictionary<Guid, TaskCompletionSource<bool>>();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(options.Rabbit, h =>
            {
                h.Username(rabbitUser);
                h.Password(rabbitPassword);
            });
            cfg.ReceiveEndpoint($"load-runner-answers-{run}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.PrefetchCount = 512;
                e.ConcurrentMessageLimit = 64;
                e.Handler<FundsReserved>(c => Complete(waiting, c.Message.RequestId, true));
                e.Handler<FundsReservationRejected>(c => Complete(waiting, c.Message.RequestId, false));
            });
        });
        await bus.StartAsync();
        try
        {
            Console.WriteLine($"reservations: {options.Requesters} requesters on one pool of fund {fund}, {options.WarmUp.TotalSeconds:0}s warm-up, {options.Duration.TotalSeconds:0}s measured");
            var warmUp = new ConcurrentBag<(double Ms, bool? Reserved)>();
            await DriveAsync(bus, waiting, fund, options.Requesters, options.WarmUp, warmUp);
            var samples = new ConcurrentBag<(double Ms, bool? Reserved)>();
            var clock = Stopwatch.StartNew();
            await DriveAsync(bus, waiting, fund, options.Requesters, options.Duration, samples);
            var elapsed = clock.Elapsed;

            var answered = samples.Where(s => s.Reserved is not null).Select(s => s.Ms).Order().ToList();
            var totals = await earmarking.GetFromJsonAsync<JsonElement>($"/totals?fundId={fund}");
            var row = totals.EnumerateArray().Single();
            return new ReservationResult(options.Requesters, samples.Count(s => s.Reserved == true), samples.Count(s => s.Reserved == false),
                samples.Count(s => s.Reserved is null), answered.Count / elapsed.TotalSeconds,
                Percentiles.Of(answered, 50), Percentiles.Of(answered, 95), Percentiles.Of(answered, 99),
                row.GetProperty("reserved").GetDecimal(), row.GetProperty("balanced").GetBoolean(),
                (warmUp.Count(s => s.Reserved == true) + samples.Count(s => s.Reserved == true)) * Amount);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>Closed loop: each requester sends one reservation and waits for its answer (or 60 s) before the next.</summary>
    private static Task DriveAsync(IBus bus, ConcurrentDictionary<Guid, TaskCompletionSource<bool>> waiting, string fund, int requesters,
        TimeSpan duration, ConcurrentBag<(double, bool?)> samples)
    {
        var deadline = DateTime.UtcNow + duration;
        return Task.WhenAll(Enumerable.Range(0, requesters).Select(async _ =>
        {
            while (DateTime.UtcNow < deadline)
            {
                var id = Guid.NewGuid();
                var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                waiting[id] = answer;
                var timer = Stopwatch.StartNew();
                await bus.Publish(new ReserveFunds { RequestId = id, FundId = fund, ProjectId = "p1", Amount = Amount, Currency = "USD", RequestedBy = "load-runner" });
                var done = await Task.WhenAny(answer.Task, Task.Delay(TimeSpan.FromSeconds(60)));
                waiting.TryRemove(id, out var _);
                samples.Add((timer.Elapsed.TotalMilliseconds, done == answer.Task ? answer.Task.Result : null));
            }
        }));
    }

    private static Task Complete(ConcurrentDictionary<Guid, TaskCompletionSource<bool>> waiting, Guid id, bool reserved)
    {
        if (waiting.TryGetValue(id, out var answer))
        {
            answer.TrySetResult(reserved);
        }
        return Task.CompletedTask;
    }

    private static async Task WaitForPoolAsync(HttpClient earmarking, string fund)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var pools = await earmarking.GetFromJsonAsync<JsonElement>($"/funds/{fund}/pools");
            if (pools.GetProperty("totals").EnumerateArray().Any(t => t.GetProperty("available").GetDecimal() > 0))
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The benchmark pool of {fund} was not credited within 60 s.");
    }
}
