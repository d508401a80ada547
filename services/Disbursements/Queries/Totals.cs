using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Disbursements.Requests;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Queries;

public sealed record RequestTotalsRow(string FundId, string Currency, string Status, long Count, decimal Amount);

public sealed record StatusTotals(string Status, long Count, decimal Amount);

/// <summary>
/// A fund's disbursement requests in one currency: everything requested, what was paid (the figure the ledger books as
/// transfers to implementing partners), and how many and how much stand in each status of the workflow.
/// </summary>
public sealed record FundTotalsResponse(string FundId, string Currency, long RequestedCount, decimal Requested, long PaidCount, decimal Paid,
    IReadOnlyList<StatusTotals> ByStatus);

/// <summary>This service's own sums per fund and currency, for reconciliation. An unknown fund gives an empty list, as on Earmarking.</summary>
public static class Totals
{
    public static IEndpointRouteBuilder MapTotals(this IEndpointRouteBuilder app)
    {
        app.MapTotals("This service's own sums per fund and currency: requested, paid, and each status, for reconciliation (finance, auditor)", LoadAsync);
        return app;
    }

    public static async Task<IReadOnlyList<FundTotalsResponse>> LoadAsync(Database database, string? fundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RequestTotalsRow>(database.Sql["totals.requests_by_fund"], new { FundId = fundId });
        return [.. rows.GroupBy(r => (r.FundId, r.Currency)).Select(g =>
        {
            decimal N(decimal v) => Money.Normalise(v, g.Key.Currency);
            var byStatus = RequestStatuses.All.Select(status =>
            {
                var of = g.Where(r => r.Status == status).ToList();
                return new StatusTotals(status, of.Sum(r => r.Count), N(of.Sum(r => r.Amount)));
            }).ToList();
            var paid = byStatus.Single(s => s.Status == RequestStatuses.Paid);
            return new FundTotalsResponse(g.Key.FundId, g.Key.Currency, g.Sum(r => r.Count), N(g.Sum(r => r.Amount)), paid.Count, paid.Amount, byStatus);
        })];
    }
}
