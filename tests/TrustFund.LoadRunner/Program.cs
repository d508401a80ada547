using System.Globalization;
using TrustFund.LoadRunner;

// Posts contributions to Pledges at rising concurrency for a fixed time, measures how fast they are accepted
// and how long until Reporting has posted them, and measures the machine's own reference (pgbench) in the
// same run. Prints figures; never fails on a timing.
var options = LoadOptions.Parse(args);
Console.WriteLine($"TrustFund load run: {options.Duration.TotalSeconds:0}s per level after {options.WarmUp.TotalSeconds:0}s warm-up, " +
                  $"concurrency {string.Join(", ", options.Concurrency)}, against {options.Pledges} and {options.Reporting}");

var reference = await PgBench.RunAsync(options);
var results = new List<LevelResult>();
foreach (var concurrency in options.Concurrency)
{
    results.Add(await ContributionLoad.RunLevelAsync(options, concurrency));
}

Report.Print(results, reference);
return results.All(r => r.Lost == 0) ? 0 : 1;
