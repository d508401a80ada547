using System.Globalization;

namespace TrustFund.LoadRunner;

public static class Report
{
    public static void Print(IReadOnlyList<LevelResult> results, PgBenchResult? reference)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("contributions: POST /contributions on Pledges -> outbox -> RabbitMQ -> ledger entry in Reporting");
        Console.WriteLine("concurrency | accepted/s | failed | POST p50/p95/p99 ms | end-to-end p50/p95/p99 ms | not in Reporting");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(c,
                $"{r.Concurrency,11} | {r.AcceptedPerSecond,10:0.0} | {r.Failed,6} | {r.PostP50,6:0.0} / {r.PostP95,6:0.0} / {r.PostP99,6:0.0} | {r.EndToEndP50,7:0.0} / {r.EndToEndP95,7:0.0} / {r.EndToEndP99,7:0.0} | {r.Lost}"));
        }
        if (reference is null)
        {
            Console.WriteLine("reference: not measured (pgbench unavailable)");
            return;
        }
        var best = results.MaxBy(r => r.AcceptedPerSecond)!;
        Console.WriteLine(string.Create(c,
            $"reference: pgbench TPC-B-like, {reference.Clients} clients, {reference.Duration.TotalSeconds:0}s: {reference.TransactionsPerSecond:0.0} tps (latency avg {reference.LatencyAverageMs:0.00} ms)"));
        Console.WriteLine(string.Create(c,
            $"ratio: best contributions/s ({best.AcceptedPerSecond:0.0} at concurrency {best.Concurrency}) / pgbench tps = {best.AcceptedPerSecond / reference.TransactionsPerSecond:0.000}"));
    }
}
