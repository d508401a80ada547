using System.Globalization;

namespace TrustFund.LoadRunner;

public static class Report
{
    public static void Print(IReadOnlyList<LevelResult> results, ReservationResult? reservations, PgBenchResult? reference)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        if (reservations is { } r2)
        {
            Console.WriteLine("reservations: ReserveFunds over RabbitMQ -> Earmarking (one pool, one receipt) -> FundsReserved back");
            Console.WriteLine("requesters | reservations/s | reserved | rejected | unanswered | answer p50/p95/p99 ms | reserved in Earmarking / by answers | totals balanced");
            Console.WriteLine(string.Create(c,
                $"{r2.Requesters,10} | {r2.PerSecond,14:0.0} | {r2.Reserved,8} | {r2.Rejected,8} | {r2.Unanswered,10} | {r2.P50,6:0.0} / {r2.P95,6:0.0} / {r2.P99,6:0.0} | {r2.ReservedInEarmarking,10:0.00} / {r2.ReservedByAnswers:0.00} | {r2.Balanced}"));
            if (reference is not null)
            {
                Console.WriteLine(string.Create(c, $"ratio: reservations/s / pgbench tps = {r2.PerSecond / reference.TransactionsPerSecond:0.000}"));
            }
        }
        if (results.Count == 0)
        {
            PrintReference(reference);
            return;
        }
        Console.WriteLine("contributions: POST /contributions on Pledges -> outbox -> RabbitMQ -> ledger entry in Reporting");
        Console.WriteLine("concurrency | accepted/s | failed | POST p50/p95/p99 ms | end-to-end p50/p95/p99 ms | not in Reporting");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(c,
                $"{r.Concurrency,11} | {r.AcceptedPerSecond,10:0.0} | {r.Failed,6} | {r.PostP50,6:0.0} / {r.PostP95,6:0.0} / {r.PostP99,6:0.0} | {r.EndToEndP50,7:0.0} / {r.EndToEndP95,7:0.0} / {r.EndToEndP99,7:0.0} | {r.Lost}"));
        }
        if (!PrintReference(reference))
        {
            return;
        }
        var best = results.MaxBy(r => r.AcceptedPerSecond)!;
        Console.WriteLine(string.Create(c,
            $"ratio: best contributions/s ({best.AcceptedPerSecond:0.0} at concurrency {best.Concurrency}) / pgbench tps = {best.AcceptedPerSecond / reference.TransactionsPerSecond:0.000}"));
    }

    /// <summary>The statements table, in the form docs/benchmarks.md keeps (the reference is printed with the other scenarios).</summary>
    public static void Print(StatementsRun? run)
    {
        if (run is null)
        {
            return;
        }
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c,
            $"statements: GET on Reporting over a ledger of {run.LedgerEntries:N0} entries ({run.LedgerLines:N0} lines, database {run.DatabaseSize}); chain valid: {run.ChainValid}"));
        Console.WriteLine("| statement | runs | min / p50 / max ms | rows | entries | entries/s (p50) | response | Reporting RSS before → peak MiB |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var s in run.Statements)
        {
            var memory = s.RssBeforeKb is null || s.PeakKb is null ? "n/a"
                : string.Create(c, $"{s.RssBeforeKb / 1024.0:0} → {s.PeakKb / 1024.0:0}{(s.PeakSinceStart ? " (peak since start)" : "")}");
            Console.WriteLine(string.Create(c,
                $"| {s.Name} | {s.Runs} | {s.MinMs:0} / {s.P50Ms:0} / {s.MaxMs:0} | {s.Rows:N0} | {s.Entries:N0} | {s.EntriesPerSecond:N0} | {s.ResponseBytes / 1024.0:0.0} KiB | {memory} |"));
        }
    }

    private static bool PrintReference([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] PgBenchResult? reference)
    {
        if (reference is null)
        {
            Console.WriteLine("reference: not measured (pgbench unavailable)");
            return false;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reference: pgbench TPC-B-like, {reference.Clients} clients, {reference.Duration.TotalSeconds:0}s: {reference.TransactionsPerSecond:0.0} tps (latency avg {reference.LatencyAverageMs:0.00} ms)"));
        return true;
    }
}
