using Dapper;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Earmarking;

/// <summary>What must hold for a fund's money in Earmarking's database after any sequence of operations.</summary>
public static class Invariants
{
    public static async Task AssertHoldAsync(SystemFixture system, string fund, string context = "")
    {
        var sums = await system.SumsAsync(fund);
        Assert.True(sums.Credited == sums.Fees + sums.Available + sums.Reserved + sums.Disbursed + sums.Suspense,
            $"{context} money not conserved for {fund}: credited {sums.Credited} != fees {sums.Fees} + available {sums.Available} + reserved {sums.Reserved} + disbursed {sums.Disbursed} + suspense {sums.Suspense}");

        await using var connection = system.OpenDatabase("Earmarking");
        var negative = await connection.ExecuteScalarAsync<long>("""
            SELECT (SELECT count(*) FROM lots l JOIN pools p ON p.pool_id = l.pool_id
                    WHERE p.fund_id = @fund AND (l.available < 0 OR l.reserved < 0 OR l.disbursed < 0 OR l.transferred_out < 0))
                 + (SELECT count(*) FROM projects WHERE fund_id = @fund AND (reserved < 0 OR disbursed < 0 OR reserved + disbursed > allocation))
            """, new { fund });
        Assert.True(negative == 0, $"{context} {negative} negative or over-allocated rows in {fund}");

        // Earmarked money never pays for another purpose: every line drew on the project's own money, its window's, or core.
        var misspent = await connection.QueryAsync<string>("""
            SELECT r.request_id::text || ' drew on pool ' || p.pool_id || ' (' || p.pool_kind || ' ' || p.window_id || '/' || p.project_id || ')'
            FROM reservation_lines rl
            JOIN reservations r ON r.request_id = rl.request_id
            JOIN projects pr ON pr.fund_id = r.fund_id AND pr.project_id = r.project_id
            JOIN pools p ON p.pool_id = rl.pool_id
            WHERE r.fund_id = @fund AND NOT (
                p.pool_kind = 'purpose' AND p.fund_id = r.fund_id AND (
                    (p.project_id = pr.project_id AND p.window_id = pr.window_id)
                    OR (p.project_id = '' AND p.window_id IN (pr.window_id, 'core'))))
            """, new { fund });
        Assert.True(!misspent.Any(), $"{context} earmarked money paid for another purpose: {string.Join("; ", misspent)}");

        // Each project's figures are the sums of its reservations.
        var mismatched = await connection.QueryAsync<string>("""
            SELECT pr.project_id FROM projects pr
            LEFT JOIN (SELECT fund_id, project_id,
                              coalesce(sum(amount) FILTER (WHERE status = 'reserved'), 0) AS reserved,
                              coalesce(sum(amount - refunded) FILTER (WHERE status = 'consumed'), 0) AS disbursed
                       FROM reservations GROUP BY fund_id, project_id) r ON r.fund_id = pr.fund_id AND r.project_id = pr.project_id
            WHERE pr.fund_id = @fund AND (pr.reserved <> coalesce(r.reserved, 0) OR pr.disbursed <> coalesce(r.disbursed, 0))
            """, new { fund });
        Assert.True(!mismatched.Any(), $"{context} project figures differ from their reservations: {string.Join(", ", mismatched)}");

        // Lines add up to their reservation, and reserved money in lots equals what reservations hold.
        var heldByLines = await connection.ExecuteScalarAsync<decimal>("""
            SELECT coalesce(sum(rl.amount), 0) FROM reservation_lines rl JOIN reservations r ON r.request_id = rl.request_id
            WHERE r.fund_id = @fund AND r.status = 'reserved'
            """, new { fund });
        Assert.True(heldByLines == sums.Reserved, $"{context} reserved in lots {sums.Reserved} != held by reservation lines {heldByLines}");
    }
}
