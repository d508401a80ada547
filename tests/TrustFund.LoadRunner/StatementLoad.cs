using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace TrustFund.LoadRunner;

/// <param name="Rows">Trial balance: account lines; sources and uses: donor and transfer lines; verify: entries checked.</param>
/// <param name="RssBeforeKb">Reporting's resident memory before the statement's first request, and its peak over all of them.</param>
public sealed record StatementResult(string Name, int Runs, double MinMs, double P50Ms, double MaxMs, int Rows, long Entries, long ResponseBytes,
    long? RssBeforeKb, long? PeakKb, bool PeakSinceStart, string? Note)
{
    public double EntriesPerSecond => Entries / (P50Ms / 1000);
}

public sealed record StatementsRun(long LedgerEntries, long LedgerLines, string DatabaseSize, IReadOnlyList<StatementResult> Statements, bool ChainValid);

/// <summary>
/// Statement generation over a large ledger, through Reporting's HTTP API: each statement after a warm-up, several
/// times, with the Reporting process's resident memory before and at its peak (from /proc), which shows whether
/// generation streams or loads the ledger.
/// </summary>
public static class StatementLoad
{
    public static async Task<StatementsRun> RunAsync(LoadOptions options)
    {
        var database = options.StatementsDatabase.Length > 0 ? options.StatementsDatabase
            : throw new ArgumentException("The statements scenario needs TF_LOAD_STATEMENTS_DB (the benchmark ledger's connection string); deploy/local/bench.sh sets it.");
        await StatementLedger.EnsureAsync(database, options.Entries);
        using var client = BenchSetup.Client(options.StatementsReporting, options.Token);
        client.Timeout = TimeSpan.FromMinutes(10);

        var fund = StatementLedger.BigFund;
        var (first, last) = (StatementLedger.First, StatementLedger.Last);
        var year = new DateOnly(last.Year - 1, 1, 1);
        var month = new DateOnly(last.Year, last.Month, 1);
        (string Name, string Path, DateOnly? From, DateOnly? To)[] cases =
        [
            ($"trial balance, month {month:yyyy-MM}", TrialBalance(fund, month, last), month, last),
            ($"trial balance, year {year:yyyy}", TrialBalance(fund, year, year.AddYears(1).AddDays(-1)), year, year.AddYears(1).AddDays(-1)),
            ($"trial balance, {first:yyyy-MM-dd}..{last:yyyy-MM-dd}", TrialBalance(fund, first, last), first, last),
            ($"sources and uses, year {year:yyyy}", $"/funds/{fund}/statements/sources-and-uses?from={year:yyyy-MM-dd}&to={year.AddYears(1).AddDays(-1):yyyy-MM-dd}",
                year, year.AddYears(1).AddDays(-1)),
            ("ledger verify (whole chain)", "/ledger/verify", null, null),
        ];
        Console.WriteLine($"statements: fund {fund} through {options.StatementsReporting}, {options.WarmUpRuns} warm-up and {options.Repetitions} measured request(s) each" +
                          (options.ReportingPid is null ? " (no Reporting pid given: no memory figures)" : $", Reporting pid {options.ReportingPid}"));
        var results = new List<StatementResult>();
        var chainValid = false;
        foreach (var (name, path, from, to) in cases)
        {
            var entries = from is null ? 0 : await CountAsync(database, fund, from.Value, to!.Value);
            var result = await MeasureAsync(client, options, name, path, entries);
            if (from is null)
            {
                chainValid = result.Note == "valid";
            }
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: p50 {result.P50Ms:0} ms, {result.Rows} rows, {result.Entries:N0} entries, peak RSS {result.PeakKb / 1024.0:0} MiB{(result.Note is null ? "" : $", {result.Note}")}"));
        }
        var (ledgerEntries, ledgerLines, size) = await SizeAsync(database);
        return new StatementsRun(ledgerEntries, ledgerLines, size, results, chainValid);
    }

    private static string TrialBalance(string fund, DateOnly from, DateOnly to) =>
        $"/funds/{fund}/statements/trial-balance?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

    private static async Task<StatementResult> MeasureAsync(HttpClient client, LoadOptions options, string name, string path, long entries)
    {
        var pid = options.ReportingPid;
        var rssBefore = pid is { } p1 ? ProcessMemory.Kb(p1, "VmRSS") : null;
        var peakReset = pid is { } p2 && ProcessMemory.ResetPeak(p2);
        var timings = new List<double>();
        JsonElement body = default;
        long bytes = 0;
        for (var run = 0; run < options.WarmUpRuns + options.Repetitions; run++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var content = await response.Content.ReadAsByteArrayAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(content)}");
            }
            if (run >= options.WarmUpRuns)
            {
                timings.Add(elapsed);
            }
            (body, bytes) = (JsonSerializer.Deserialize<JsonElement>(content), content.Length);
        }
        var peak = pid is { } p3 ? ProcessMemory.Kb(p3, "VmHWM") : null;
        timings.Sort();
        var (rows, covered, note) = Describe(body, entries);
        return new StatementResult(name, timings.Count, timings[0], Percentiles.Of(timings, 50), timings[^1], rows, covered, bytes, rssBefore, peak, pid is not null && !peakReset, note);
    }

    /// <summary>Rows returned, entries covered, and for the chain whether it verified.</summary>
    private static (int Rows, long Entries, string? Note) Describe(JsonElement body, long entries)
    {
        if (body.ValueKind == JsonValueKind.Array)
        {
            var rows = body.EnumerateArray().Sum(s => s.GetProperty("contributionsByDonor").GetArrayLength() + s.GetProperty("transfersByProjectAndPartner").GetArrayLength());
            return (rows, entries, $"{body.GetArrayLength()} currency statement(s)");
        }
        if (body.TryGetProperty("lines", out var lines))
        {
            return (lines.GetArrayLength(), entries, null);
        }
        var checkedEntries = body.GetProperty("entries").GetInt64();
        return ((int)checkedEntries, checkedEntries, body.GetProperty("valid").GetBoolean() ? "valid" : $"NOT VALID: {body.GetProperty("firstBrokenLink")}");
    }

    private static async Task<long> CountAsync(string database, string fund, DateOnly from, DateOnly to)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM journal_entries WHERE fund_id = $1 AND posting_date BETWEEN $2 AND $3", connection)
        {
            Parameters = { new() { Value = fund }, new() { Value = from }, new() { Value = to } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(long Entries, long Lines, string Size)> SizeAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM journal_entries), (SELECT count(*) FROM journal_lines), pg_size_pretty(pg_database_size(current_database()))", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2));
    }
}

/// <summary>A process's memory as Linux reports it in /proc/&lt;pid&gt;/status.</summary>
public static class ProcessMemory
{
    /// <summary>A field in kB (VmRSS: resident now; VmHWM: the peak since start or since <see cref="ResetPeak"/>); null when unreadable.</summary>
    public static long? Kb(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Resets VmHWM to the current resident size (writing 5 to clear_refs; needs to own the process or be root).</summary>
    public static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
