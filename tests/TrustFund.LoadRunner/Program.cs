using System.Globalization;
using TrustFund.LoadRunner;

// Posts contributions to Pledges at rising concurrency for a fixed time, measures how fast they are accepted
// and how long until Reporting has posted them; reservations under contention; statement generation over a
// large ledger; and the machine's own reference (pgbench) in the same run. Prints figures; never fails on a timing.
var options = LoadOptions.Parse(args);
Console.WriteLine($"TrustFund load run ({options.Scenarios}): {options.Duration.TotalSeconds:0}s per level after {options.WarmUp.TotalSeconds:0}s warm-up, " +
                  $"concurrency {string.Join(", ", options.Concurrency)}, against {options.Pledges} and {options.Reporting}");

var reference = await PgBench.RunAsync(options);
var results = new List<LevelResult>();
if (options.Scenarios.Contains("contributions", StringComparison.Ordinal))
{
    foreach (var concurrency in options.Concurrency)
    {
        results.Add(await ContributionLoad.RunLevelAsync(options, concurrency));
    }
}
ReservationResult? reservations = null;
if (options.Scenarios.Contains("reservations", StringComparison.Ordinal))
{
    reservations = await ReservationLoad.RunAsync(options,
        Environment.GetEnvironmentVariable("TF_RABBITMQ_USER") ?? "trustfund", Environment.GetEnvironmentVariable("TF_RABBITMQ_PASSWORD") ?? "");
}

StatementsRun? statements = null;
if (options.Scenarios.Contains("statements", StringComparison.Ordinal))
{
    statements = await StatementLoad.RunAsync(options);
}

Report.Print(results, reservations, reference);
Report.Print(statements);
var consistent = reservations is null || (reservations.Balanced && reservations.ReservedInEarmarking == reservations.ReservedByAnswers);
return results.All(r => r.Lost == 0) && consistent && statements is not { ChainValid: false } ? 0 : 1;
