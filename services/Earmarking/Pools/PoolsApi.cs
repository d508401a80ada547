using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Pools;

public sealed record PoolResponse(long PoolId, string FundId, string EarmarkKind, string WindowId, string? ProjectId,
    string DonorId, string Currency, decimal Credited, decimal Available);

public sealed record CurrencyTotal(string Currency, decimal Credited, decimal Available);

public sealed record FundPoolsResponse(string FundId, IReadOnlyList<PoolResponse> Pools, IReadOnlyList<CurrencyTotal> Totals);

public sealed record PoolCreditResponse(Guid ContributionId, long PoolId, decimal Amount, string Currency, DateTimeOffset CreditedAt, string? TraceId);

public static class PoolsApi
{
    public static IEndpointRouteBuilder MapPoolsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Pools");
        group.MapGet("/funds/{fundId}/pools", GetFundPoolsAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.FundManager, Roles.Finance, Roles.Auditor, Roles.Donor))
            .WithName("GetFundPools")
            .WithSummary("Pools of a fund by earmark and donor, with totals per currency (a donor sees only its own)");
        group.MapGet("/contributions/{contributionId:guid}/credit", GetCreditAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
            .WithName("GetContributionCredit")
            .WithSummary("Which pool a contribution credited (finance, auditor)");
        return app;
    }

    private static async Task<IResult> GetFundPoolsAsync(string fundId, HttpContext http, Database database)
    {
        // A donor sees only its own pools; the other roles see the whole fund.
        string? donorScope = null;
        if (!http.User.IsInRole(Roles.FundManager) && !http.User.IsInRole(Roles.Finance) && !http.User.IsInRole(Roles.Auditor))
        {
            donorScope = http.User.DonorIdOf();
            if (donorScope is null)
            {
                return Problems.Forbidden("No donor identity", "A donor token must carry the donor_id claim.", "donor_id");
            }
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var pools = (await connection.QueryAsync<PoolResponse>(database.Sql["pools.by_fund"], new { FundId = fundId, DonorId = donorScope }))
            .Select(p => p with { Credited = Money.Normalise(p.Credited, p.Currency), Available = Money.Normalise(p.Available, p.Currency) })
            .ToList();
        var totals = pools.GroupBy(p => p.Currency)
            .Select(g => new CurrencyTotal(g.Key, g.Sum(p => p.Credited), g.Sum(p => p.Available)))
            .OrderBy(t => t.Currency, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new FundPoolsResponse(fundId, pools, totals));
    }

    private static async Task<IResult> GetCreditAsync(Guid contributionId, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var credit = await connection.QuerySingleOrDefaultAsync<PoolCreditResponse>(database.Sql["pools.credit_of_contribution"], new { ContributionId = contributionId });
        return credit is null
            ? Problems.NotFound("Contribution not credited", $"No pool has been credited with contribution {contributionId} (yet).", "contributionId")
            : TypedResults.Ok(credit with { Amount = Money.Normalise(credit.Amount, credit.Currency) });
    }
}
