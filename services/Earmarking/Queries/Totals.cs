using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Queries;

/// <summary>
/// One fund's money in one currency as this service sees it. Everything credited (contributions at their pooled
/// amount, and interest) is in exactly one place: fees, available, reserved, disbursed (net of refunds), or suspense.
/// </summary>
public sealed record FundTotals(string FundId, string Currency, decimal Contributions, decimal Interest, decimal Fees, decimal Available,
    decimal Reserved, decimal Disbursed, decimal Refunded, decimal Suspense)
{
    public decimal Credited => Contributions + Interest;

    public bool Balanced => Credited == Fees + Available + Reserved + Disbursed + Suspense;
}

/// <summary>A row of GET /totals: <see cref="FundTotals"/> with every amount in its currency's decimals.</summary>
public sealed record FundTotalsShown(string FundId, string Currency, decimal Contributions, decimal Interest, decimal Credited, decimal Fees,
    decimal Available, decimal Reserved, decimal Disbursed, decimal Refunded, decimal Suspense, bool Balanced);

public static class Totals
{
    public static IEndpointRouteBuilder MapTotals(this IEndpointRouteBuilder app)
    {
        app.MapTotals("This service's own sums per fund and currency, for reconciliation (finance, auditor)", ShownAsync);
        return app;
    }

    public static async Task<IReadOnlyList<FundTotals>> LoadAsync(Database database, string? fundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<FundTotals>(database.Sql["totals.by_fund"], new { FundId = fundId })];
    }

    private static async Task<IReadOnlyList<FundTotalsShown>> ShownAsync(Database database, string? fundId, CancellationToken cancellationToken) =>
        [.. (await LoadAsync(database, fundId, cancellationToken)).Select(t =>
        {
            decimal N(decimal v) => Money.Normalise(v, t.Currency);
            return new FundTotalsShown(t.FundId, t.Currency, N(t.Contributions), N(t.Interest), N(t.Credited), N(t.Fees), N(t.Available), N(t.Reserved),
                N(t.Disbursed), N(t.Refunded), N(t.Suspense), t.Balanced);
        })];
}
