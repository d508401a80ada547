using System.Globalization;

namespace TrustFund.LoadRunner;

public sealed record LoadOptions(
    Uri Pledges, Uri Reporting, string Token, IReadOnlyList<int> Concurrency, TimeSpan Duration, TimeSpan WarmUp,
    TimeSpan DrainTimeout, string PgBenchDatabase, int PgBenchClients, TimeSpan PgBenchDuration,
    string Scenarios, Uri Earmarking, int Requesters, Uri Rabbit,
    Uri StatementsReporting, string StatementsDatabase, int Entries, int WarmUpRuns, int Repetitions, int? ReportingPid)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : Environment.GetEnvironmentVariable($"TF_LOAD_{name.ToUpperInvariant().Replace('-', '_')}") ?? fallback;
        double Seconds(string name, string fallback) => double.Parse(Get(name, fallback), CultureInfo.InvariantCulture);

        var token = Get("token", "");
        if (token.Length == 0)
        {
            throw new ArgumentException("--token (a finance, auditor and fund-manager token) is required; deploy/local/bench.sh passes one.");
        }
        return new LoadOptions(
            new Uri(Get("pledges", "http://127.0.0.1:5101")),
            new Uri(Get("reporting", "http://127.0.0.1:5104")),
            token,
            [.. Get("concurrency", "1,4,16").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))],
            TimeSpan.FromSeconds(Seconds("duration", "15")),
            TimeSpan.FromSeconds(Seconds("warmup", "3")),
            TimeSpan.FromSeconds(Seconds("drain", "60")),
            Get("pgbench-db", "trustfund_bench"),
            int.Parse(Get("pgbench-clients", "8"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(Seconds("pgbench-duration", "15")),
            Get("scenarios", "contributions,reservations"),
            new Uri(Get("earmarking", "http://127.0.0.1:5102")),
            int.Parse(Get("requesters", "200"), CultureInfo.InvariantCulture),
            new Uri(Get("rabbit", "rabbitmq://127.0.0.1:5672/trustfund")),
            new Uri(Get("statements-reporting", "http://127.0.0.1:5305")),
            Get("statements-db", ""),
            int.Parse(Get("entries", "1000000"), CultureInfo.InvariantCulture),
            int.Parse(Get("warmup-runs", "1"), CultureInfo.InvariantCulture),
            int.Parse(Get("repetitions", "5"), CultureInfo.InvariantCulture),
            Get("reporting-pid", "") is { Length: > 0 } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
    }
}
