using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Queries;

public sealed record PoolResponse(long PoolId, string FundId, string PoolKind, string EarmarkKind, string WindowId, string? ProjectId,
    string DonorId, string Currency, decimal Credited, decimal Available, decimal Reserved, decimal Disbursed, decimal TransferredOut);

public sealed record CurrencyTotal(string Currency, decimal Credited, decimal Available, decimal Reserved, decimal Disbursed);

/// <summary>A page of a fund's pools (<see cref="Page{T}"/>'s items and next), with the totals of all of them.</summary>
public sealed record FundPoolsResponse(string FundId, IReadOnlyList<PoolResponse> Items, string? Next, IReadOnlyList<CurrencyTotal> Totals);

public sealed record AvailabilityLine(string Key, string Currency, decimal Available, decimal Reserved, decimal Disbursed);

public sealed record AvailabilityResponse(string FundId, IReadOnlyList<AvailabilityLine> ByWindow, IReadOnlyList<AvailabilityLine> ByProject,
    IReadOnlyList<AvailabilityLine> ByDonor, IReadOnlyList<AvailabilityLine> Suspense, IReadOnlyList<AvailabilityLine> Fees);

public sealed record DonorDisbursement(Guid RequestId, string FundId, string WindowId, string ProjectId, string PartnerId, DateOnly ValueDate,
    string Currency, decimal Amount, decimal Refunded);

/// <summary>A donor's pools (bounded by the funds' structure) and one page of the disbursements its money paid for.</summary>
public sealed record DonorMoneyResponse(string DonorId, IReadOnlyList<PoolResponse> Pools, Page<DonorDisbursement> Disbursements);

/// <summary>Read models over pools: a fund's pools, its availability by window, project and donor, and a donor's own view.</summary>
public static class PoolQueries
{
    public static IEndpointRouteBuilder MapPoolQueries(this IEndpointRouteBuilder app)
    {
        var readers = new[] { Roles.FundManager, Roles.Finance, Roles.Auditor, Roles.Donor };
        app.MapGet("/funds/{fundId}/pools", PoolsAsync).WithTags("Pools").RequireAuthorization(p => p.RequireRole(readers)).RequireReaderOfFund()
            .WithName("GetFundPools").WithSummary("Pools of a fund with their sums, a page at a time, and the totals of all (a donor sees only its own)");
        app.MapGet("/funds/{fundId}/availability", AvailabilityAsync).WithTags("Pools").RequireAuthorization(p => p.RequireRole(readers))
            .RequireReaderOfFund()
            .WithName("GetFundAvailability").WithSummary("Available, reserved and disbursed by window, project and donor (a donor sees only its own)");
        app.MapGet("/donors/{donorId}/money", DonorMoneyAsync).WithTags("Pools").RequireAuthorization(p => p.RequireRole(readers))
            .WithName("GetDonorMoney").WithSummary("Where a donor's money is (pools) and went (disbursements, a page at a time: limit, after); a donor sees only its own");
        app.MapGet("/contributions/{contributionId:guid}/credit", CreditAsync).WithTags("Pools")
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.FundManager))
            .WithName("GetContributionCredit").WithSummary("Where a contribution went: fee, net amount, pool, suspense reason, trace");
        return app;
    }

    private static async Task<IResult> CreditAsync(Guid contributionId, HttpContext http, Database database, FundManagers managers)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var r = await connection.QuerySingleOrDefaultAsync<Suspense.ReceiptRow>(database.Sql["receipts.find"],
            Suspense.Suspense.OneReceipt(contributionId, null, suspenseOnly: false));
        if (r is null)
        {
            return Problems.NotFound("Contribution not credited", $"No pool has been credited with contribution {contributionId} (yet).", "contributionId");
        }
        if (await managers.RequireReaderAsync(connection, http.User, r.FundId) is { } notManager)
        {
            return notManager;
        }
        decimal N(decimal v) => Money.Normalise(v, r.BaseCurrency);
        return TypedResults.Ok(new
        {
            r.ContributionId, r.FundId, r.DonorId, Earmark = new { Kind = r.EarmarkKind, r.WindowId, r.ProjectId },
            Amount = Money.Normalise(r.Amount, r.Currency), r.Currency, BaseAmount = N(r.BaseAmount), r.BaseCurrency, Fee = N(r.Fee), Net = N(r.Net),
            r.PoolId, r.SuspenseReason, r.RetargetedToPoolId, r.ValueDate, CreditedAt = r.ReceivedAt, r.TraceId,
        });
    }

    /// <summary>The donor whose data the caller may see, or null for roles that see everything; a problem if neither.</summary>
    internal static (string? Scope, IResult? Refusal) DonorScope(HttpContext http)
    {
        if (http.User.IsInRole(Roles.FundManager) || http.User.IsInRole(Roles.Finance) || http.User.IsInRole(Roles.Auditor))
        {
            return (null, null);
        }
        var donor = http.User.DonorIdOf();
        return donor is null
            ? (null, Problems.Forbidden("No donor identity", "A donor token must carry the donor_id claim.", "donor_id"))
            : (donor, null);
    }

    internal static async Task<List<PoolResponse>> LoadPoolsAsync(Database database, string? fundId, string? donorId, CancellationToken cancellationToken,
        long? afterPoolId = null, int? limit = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PoolResponse>(database.Sql["pools.find"],
            new { FundId = fundId, DonorId = donorId, AfterPoolId = afterPoolId, Limit = limit });
        return [.. rows.Select(p => p with
        {
            Credited = Money.Normalise(p.Credited, p.Currency), Available = Money.Normalise(p.Available, p.Currency),
            Reserved = Money.Normalise(p.Reserved, p.Currency), Disbursed = Money.Normalise(p.Disbursed, p.Currency),
            TransferredOut = Money.Normalise(p.TransferredOut, p.Currency),
        })];
    }

    /// <summary>A fund's pools in key order, a page at a time (the <c>limit</c> after the pool <c>after</c>), with the totals of all of them.</summary>
    private static async Task<IResult> PoolsAsync(string fundId, int? limit, long? after, HttpContext http, Database database)
    {
        var (scope, refusal) = DonorScope(http);
        if (refusal is not null)
        {
            return refusal;
        }
        var errors = new ValidationErrors();
        var size = errors.RequireLimit(limit);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        var page = Paging.Of(await LoadPoolsAsync(database, fundId, scope, http.RequestAborted, after, size + 1), size,
            p => p.PoolId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var totals = (await connection.QueryAsync<CurrencyTotal>(database.Sql["pools.totals"], new { FundId = fundId, DonorId = scope }))
            .Select(t => new CurrencyTotal(t.Currency, Money.Normalise(t.Credited, t.Currency), Money.Normalise(t.Available, t.Currency),
                Money.Normalise(t.Reserved, t.Currency), Money.Normalise(t.Disbursed, t.Currency))).ToList();
        return TypedResults.Ok(new FundPoolsResponse(fundId, page.Items, page.Next, totals));
    }

    private static async Task<IResult> AvailabilityAsync(string fundId, HttpContext http, Database database)
    {
        var (scope, refusal) = DonorScope(http);
        if (refusal is not null)
        {
            return refusal;
        }
        var pools = await LoadPoolsAsync(database, fundId, scope, http.RequestAborted);
        var purpose = pools.Where(p => p.PoolKind == "purpose").ToList();
        return TypedResults.Ok(new AvailabilityResponse(fundId,
            Sum(purpose, p => p.WindowId),
            Sum(purpose.Where(p => p.ProjectId is not null), p => p.ProjectId!),
            Sum(purpose, p => p.DonorId),
            Sum(pools.Where(p => p.PoolKind == "suspense"), p => p.DonorId),
            scope is null ? Sum(pools.Where(p => p.PoolKind == "fee"), _ => "trustee") : []));
    }

    /// <summary>
    /// A donor's money in every fund: its pools, and a page of the disbursements it paid for (by value date, the
    /// <c>limit</c> after the request <c>after</c>); a fund manager sees only the funds it manages.
    /// </summary>
    private static async Task<IResult> DonorMoneyAsync(string donorId, int? limit, Guid? after, HttpContext http, Database database, FundManagers managers)
    {
        var (scope, refusal) = DonorScope(http);
        if (refusal is not null)
        {
            return refusal;
        }
        if (scope is not null && scope != donorId)
        {
            return Problems.Forbidden("Another donor's money", "A donor sees only its own money.", "donorId");
        }
        var errors = new ValidationErrors();
        var size = errors.RequireLimit(limit);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var readable = scope is null ? await managers.ReadableFundsAsync(connection, http.User) : null;
        var pools = (await LoadPoolsAsync(database, null, donorId, http.RequestAborted)).Where(p => readable is null || readable.Contains(p.FundId)).ToList();
        var paid = (await connection.QueryAsync<DonorDisbursement>(database.Sql["disbursements.by_donor"],
                new { DonorId = donorId, FundIds = readable is null ? null : database.List(readable), AfterId = after, Limit = size + 1 }))
            .Select(d => d with { Amount = Money.Normalise(d.Amount, d.Currency), Refunded = Money.Normalise(d.Refunded, d.Currency) }).ToList();
        return TypedResults.Ok(new DonorMoneyResponse(donorId, pools, Paging.Of(paid, size, d => d.RequestId.ToString())));
    }

    private static List<AvailabilityLine> Sum(IEnumerable<PoolResponse> pools, Func<PoolResponse, string> key) =>
        [.. pools.GroupBy(p => (Key: key(p), p.Currency))
            .Select(g => new AvailabilityLine(g.Key.Key, g.Key.Currency, g.Sum(p => p.Available), g.Sum(p => p.Reserved), g.Sum(p => p.Disbursed)))
            .OrderBy(l => l.Key, StringComparer.Ordinal).ThenBy(l => l.Currency, StringComparer.Ordinal)];
}
