using TrustFund.Earmarking.Structure;

namespace TrustFund.Earmarking.Reservations;

/// <summary>A lot as a reservation sees it: which purpose its money was given for, and how much is free.</summary>
public sealed record CandidateLot(long LotId, long PoolId, string DonorId, string WindowId, string ProjectId, DateOnly ValueDate, decimal Available);

public sealed record PlannedLine(long LotId, long PoolId, string DonorId, decimal Amount);

/// <summary>Either the lines that make up the whole amount, or nothing and what was available.</summary>
public sealed record ReservationPlan(bool Funded, decimal Available, IReadOnlyList<PlannedLine> Lines);

/// <summary>
/// The deterministic policy for paying a project: money earmarked to the project first, then to its window,
/// then core; within a level, oldest receipt first (value date, then order of arrival). Money earmarked for
/// anything else is never eligible. All or nothing: either the whole amount is planned or no line at all.
/// </summary>
public static class ReservationPolicy
{
    /// <summary>0 = earmarked to the project, 1 = to its window, 2 = core; null when the lot may not pay for it.</summary>
    public static int? Level(CandidateLot lot, string windowId, string projectId)
    {
        ArgumentNullException.ThrowIfNull(lot);
        if (lot.ProjectId.Length > 0)
        {
            return lot.ProjectId == projectId && lot.WindowId == windowId ? 0 : null;
        }
        if (lot.WindowId == WindowRow.Core)
        {
            return 2;
        }
        return lot.WindowId == windowId ? 1 : null;
    }

    public static ReservationPlan Plan(string windowId, string projectId, decimal amount, IEnumerable<CandidateLot> lots)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var eligible = lots
            .Select(l => (Lot: l, Level: Level(l, windowId, projectId)))
            .Where(x => x.Level is not null && x.Lot.Available > 0)
            .OrderBy(x => x.Level).ThenBy(x => x.Lot.ValueDate).ThenBy(x => x.Lot.LotId)
            .Select(x => x.Lot)
            .ToList();
        var available = eligible.Sum(l => l.Available);
        if (available < amount)
        {
            return new ReservationPlan(false, available, []);
        }

        var lines = new List<PlannedLine>();
        var left = amount;
        foreach (var lot in eligible)
        {
            var take = Math.Min(lot.Available, left);
            lines.Add(new PlannedLine(lot.LotId, lot.PoolId, lot.DonorId, take));
            left -= take;
            if (left == 0)
            {
                break;
            }
        }
        return new ReservationPlan(true, available, lines);
    }
}
