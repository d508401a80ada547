using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Auth;
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

public static class Totals
{
    public static IEndpointRouteBuilder MapTotals(this IEndpointRouteBuilder app)
    {
        app.MapGet("/totals", GetAsync).WithTags("Reconciliation")
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
            .WithName("GetTotals").WithSummary("This service's own sums per fund and currency, for reconciliation (finance, auditor)");
        return app;
    }

    public static async Task<IReadOnlyList<FundTotals>> LoadAsync(Database database, string? fundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<FundTotals>(database.Sql["totals.by_fund"], new { FundId = fundId })];
    }

    private static async Task<IResult> GetAsync(string? fundId, Database database, CancellationToken cancellationToken)
    {
        var totals = await LoadAsync(database, fundId, cancellationToken);
        return TypedResults.Ok(totals.Select(t =>
        {
            decimal N(decimal v) => Money.Normalise(v, t.Currency);
            return new
            {
                t.FundId, t.Currency, Contributions = N(t.Contributions), Interest = N(t.Interest), Credited = N(t.Credited), Fees = N(t.Fees),
                Available = N(t.Available), Reserved = N(t.Reserved), Disbursed = N(t.Disbursed), Refunded = N(t.Refunded), Suspense = N(t.Suspense),
                t.Balanced,
            };
        }).ToList());
    }
}
