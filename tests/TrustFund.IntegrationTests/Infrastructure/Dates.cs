using System.Globalization;

namespace TrustFund.IntegrationTests.Infrastructure;

/// <summary>
/// Dates relative to the day the tests run. The services date what they do themselves (a write-off, an assessed pledge,
/// a release) on their own clock, and refuse some dates relative to it (a due date before today, a value date in the
/// future), so a test that mixes those with fixed calendar dates breaks when the calendar moves on. A test whose
/// statements must include what the services dated today builds its whole timeline from <see cref="Today"/>.
/// </summary>
public static class Dates
{
    /// <summary>Today on the services' clock (UTC), read once per call.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DaysAgo(int days) => Iso(Today.AddDays(-days));

    public static string DaysAhead(int days) => Iso(Today.AddDays(days));
}
