using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Queries;

/// <summary>A fund's pledges in one currency. Everything pledged is in exactly one place: paid, cancelled, written off, or outstanding.</summary>
public sealed record PledgeTotals(string FundId, string Currency, long Count, decimal Pledged, decimal Paid, decimal Cancelled, decimal WrittenOff)
{
    public decimal Outstanding => Pledged - Paid - Cancelled - WrittenOff;
}

/// <summary>A fund's contributions: the cash received in the fund's base currency, as Earmarking pools it and the ledger books it.</summary>
public sealed record ContributionTotals(string FundId, string Currency, long Count, decimal Received);

public sealed record PledgeLine(string Currency, long Count, decimal Pledged, decimal Paid, decimal Cancelled, decimal WrittenOff, decimal Outstanding);

public sealed record ContributionLine(string Currency, long Count, decimal Received);

public sealed record FundTotalsResponse(string FundId, IReadOnlyList<PledgeLine> Pledges, IReadOnlyList<ContributionLine> Contributions);

/// <summary>
/// This service's own sums per fund, for reconciliation with the ledger: pledges per pledge currency, contributions
/// per base currency. A fund with neither is not listed, so an unknown fund gives an empty list, as on Earmarking.
/// </summary>
public static class Totals
{
    public static IEndpointRouteBuilder MapTotals(this IEndpointRouteBuilder app)
    {
        app.MapTotals("This service's own sums per fund: pledges per currency and contributions received, for reconciliation (finance, auditor)", LoadAsync);
        return app;
    }

    public static async Task<IReadOnlyList<FundTotalsResponse>> LoadAsync(Database database, string? fundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var pledges = (await connection.QueryAsync<PledgeTotals>(database.Sql["totals.pledges_by_fund"], new { FundId = fundId })).ToList();
        var contributions = (await connection.QueryAsync<ContributionTotals>(database.Sql["totals.contributions_by_fund"], new { FundId = fundId })).ToList();
        return [.. pledges.Select(p => p.FundId).Union(contributions.Select(c => c.FundId)).Order(StringComparer.Ordinal)
            .Select(fund => new FundTotalsResponse(fund,
                [.. pledges.Where(p => p.FundId == fund).Select(p =>
                {
                    decimal N(decimal v) => Money.Normalise(v, p.Currency);
                    return new PledgeLine(p.Currency, p.Count, N(p.Pledged), N(p.Paid), N(p.Cancelled), N(p.WrittenOff), N(p.Outstanding));
                })],
                [.. contributions.Where(c => c.FundId == fund).Select(c => new ContributionLine(c.Currency, c.Count, Money.Normalise(c.Received, c.Currency)))]))];
    }
}
