using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TrustFund.LoadRunner;

public sealed record PgBenchResult(double TransactionsPerSecond, double LatencyAverageMs, int Clients, TimeSpan Duration);

/// <summary>The machine's reference: pgbench's TPC-B-like transactions on the same PostgreSQL, in the same run.</summary>
public static partial class PgBench
{
    public static async Task<PgBenchResult?> RunAsync(LoadOptions options)
    {
        var pgbench = Environment.GetEnvironmentVariable("PGBENCH") ?? "/usr/lib/postgresql/15/bin/pgbench";
        if (!File.Exists(pgbench))
        {
            Console.WriteLine($"pgbench not found at {pgbench}: no reference figure this run.");
            return null;
        }
        Console.WriteLine($"Reference: pgbench -c {options.PgBenchClients} -T {options.PgBenchDuration.TotalSeconds:0} on {options.PgBenchDatabase} ...");
        var (initCode, initOutput) = await RunAsync(pgbench, ["-i", "-s", "10", "-q", options.PgBenchDatabase]);
        if (initCode != 0)
        {
            Console.WriteLine($"pgbench -i failed ({initCode}): {initOutput}");
            return null;
        }
        var (code, output) = await RunAsync(pgbench,
            ["-c", options.PgBenchClients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-M", "prepared",
             "-T", options.PgBenchDuration.TotalSeconds.ToString("0", CultureInfo.InvariantCulture), options.PgBenchDatabase]);
        var tps = Tps().Match(output);
        var latency = Latency().Match(output);
        if (code != 0 || !tps.Success)
        {
            Console.WriteLine($"pgbench failed ({code}): {output}");
            return null;
        }
        return new PgBenchResult(
            double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN,
            options.PgBenchClients, options.PgBenchDuration);
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex Latency();
}
