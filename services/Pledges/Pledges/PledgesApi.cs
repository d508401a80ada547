using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Pledges;

public sealed record AgeingBuckets(decimal NotYetDue, decimal Days0To30, decimal Days31To90, decimal Days91To365, decimal Over365)
{
    public decimal Total => NotYetDue + Days0To30 + Days31To90 + Days91To365 + Over365;

    public static AgeingBuckets Of(IEnumerable<Instalment> instalments, DateOnly today, string currency)
    {
        decimal[] sums = new decimal[5];
        foreach (var i in instalments.Where(i => i.Outstanding > 0))
        {
            var days = today.DayNumber - i.DueDate.DayNumber;
            sums[days <= 0 ? 0 : days <= 30 ? 1 : days <= 90 ? 2 : days <= 365 ? 3 : 4] += i.Outstanding;
        }
        decimal N(decimal v) => Money.Normalise(v, currency);
        return new AgeingBuckets(N(sums[0]), N(sums[1]), N(sums[2]), N(sums[3]), N(sums[4]));
    }
}

public sealed record ReceivableLine(string DonorId, string Currency, AgeingBuckets Ageing, decimal Outstanding);

public sealed record ReceivablesResponse(string FundId, DateOnly AsOf, IReadOnlyList<ReceivableLine> ByDonor, IReadOnlyList<ReceivableLine> Totals);

public static class PledgesApi
{
    public static IEndpointRouteBuilder MapPledgesApi(this IEndpointRouteBuilder app)
    {
        var pledges = app.MapGroup("/pledges").WithTags("Pledges");
        pledges.MapPost("/", RecordPledge.HandleAsync).RequireAuthorization(p => p.RequireRole(Roles.Donor, Roles.Finance)).RequireIdempotencyKey()
            .WithName("RecordPledge").WithSummary("Pledge money to a fund, earmarked, in instalments (a donor for itself, or finance)");
        pledges.MapPost("/{pledgeId:guid}/amend", ChangePledge.AmendAsync).RequireAuthorization(p => p.RequireRole(Roles.Donor, Roles.Finance)).RequireIdempotencyKey()
            .WithName("AmendPledge").WithSummary("Change a pledge's total, with a reason; never below what is settled");
        pledges.MapPost("/{pledgeId:guid}/cancel", ChangePledge.CancelAsync).RequireAuthorization(p => p.RequireRole(Roles.Donor, Roles.Finance)).RequireIdempotencyKey()
            .WithName("CancelPledge").WithSummary("Cancel a pledge's unpaid part, with a reason");
        pledges.MapPost("/{pledgeId:guid}/write-off", ChangePledge.WriteOffAsync).RequireAuthorization(Roles.Finance).RequireIdempotencyKey()
            .WithName("WriteOffPledge").WithSummary("Write off part of a pledge as uncollectible, with a reason (finance)");
        pledges.MapGet("/{pledgeId:guid}", GetAsync).RequireAuthorization(p => p.RequireRole(Roles.Donor, Roles.Finance, Roles.Auditor, Roles.FundManager))
            .WithName("GetPledge").WithSummary("A pledge with its instalments: pledged, paid, outstanding, overdue (a donor sees only its own)");
        app.MapGet("/donors/{donorId}/pledges", ByDonorAsync).WithTags("Pledges")
            .RequireAuthorization(p => p.RequireRole(Roles.Donor, Roles.Finance, Roles.Auditor, Roles.FundManager))
            .WithName("GetDonorPledges").WithSummary("A donor's pledges in the order they were made, a page at a time (a donor sees only its own)");
        app.MapGet("/funds/{fundId}/receivables", ReceivablesAsync).WithTags("Pledges")
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.FundManager)).RequireReaderOfFund()
            .WithName("GetPledgesReceivable").WithSummary("Pledges receivable of a fund, with ageing buckets per donor");
        return app;
    }

    private static async Task<IResult> GetAsync(Guid pledgeId, HttpContext http, Database database, PledgeStore store, TimeProvider clock,
        FundManagers managers)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var pledge = (await store.FindAsync(connection, pledgeId: pledgeId)).SingleOrDefault();
        if (pledge is null || !Donors.Donors.MayActFor(http, pledge.DonorId))
        {
            return Problems.NotFound("Unknown pledge", $"No pledge {pledgeId} exists for you.", "pledgeId");
        }
        if (!IsOwnDonor(http, pledge.DonorId) && await managers.RequireReaderAsync(connection, http.User, pledge.FundId) is { } notManager)
        {
            return notManager;
        }
        return TypedResults.Ok(PledgeResponses.Of(pledge, await store.ScheduleAsync(connection, pledgeId), Today(clock)));
    }

    /// <summary>
    /// A donor's pledges in the order they were made, a page at a time: the <c>limit</c> after the pledge <c>after</c>; a
    /// fund manager sees only those to the funds it manages.
    /// </summary>
    private static async Task<IResult> ByDonorAsync(string donorId, int? limit, Guid? after, HttpContext http, Database database, PledgeStore store,
        TimeProvider clock, FundManagers managers)
    {
        if (!Donors.Donors.MayActFor(http, donorId))
        {
            return Donors.Donors.UnknownDonor(donorId);
        }
        return await Paging.AnswerAsync(limit, async size =>
        {
            await using var connection = await database.OpenAsync(http.RequestAborted);
            var readable = IsOwnDonor(http, donorId) ? null : await managers.ReadableFundsAsync(connection, http.User);
            var pledges = await store.PageOfDonorAsync(connection, donorId, readable, after, size);
            var schedules = await store.SchedulesAsync(connection, [.. pledges.Select(p => p.PledgeId)]);
            return (IReadOnlyList<PledgeResponse>)[.. pledges.Select(p => PledgeResponses.Of(p, schedules.GetValueOrDefault(p.PledgeId) ?? [], Today(clock)))];
        }, p => p.PledgeId.ToString());
    }

    private static async Task<IResult> ReceivablesAsync(string fundId, DateOnly? asOf, HttpContext http, Database database, PledgeStore store, TimeProvider clock)
    {
        var today = asOf ?? Today(clock);
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var pledges = await store.FindAsync(connection, fundId: fundId);
        var schedules = await store.SchedulesAsync(connection, [.. pledges.Select(p => p.PledgeId)]);
        var byDonor = pledges.GroupBy(p => (p.DonorId, p.Currency))
            .Select(g => Line(g.Key.DonorId, g.Key.Currency, g.SelectMany(p => schedules.GetValueOrDefault(p.PledgeId) ?? []), today))
            .Where(l => l.Outstanding > 0)
            .OrderBy(l => l.DonorId, StringComparer.Ordinal).ThenBy(l => l.Currency, StringComparer.Ordinal).ToList();
        var totals = pledges.GroupBy(p => p.Currency)
            .Select(g => Line("(all)", g.Key, g.SelectMany(p => schedules.GetValueOrDefault(p.PledgeId) ?? []), today))
            .Where(l => l.Outstanding > 0)
            .OrderBy(l => l.Currency, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new ReceivablesResponse(fundId, today, byDonor, totals));
    }

    private static ReceivableLine Line(string donorId, string currency, IEnumerable<Instalment> instalments, DateOnly today)
    {
        var ageing = AgeingBuckets.Of(instalments, today, currency);
        return new ReceivableLine(donorId, currency, ageing, ageing.Total);
    }

    /// <summary>A donor reading its own pledges; anyone else (finance, auditor, a fund manager) reads by fund.</summary>
    private static bool IsOwnDonor(HttpContext http, string donorId) => http.User.IsInRole(Roles.Donor) && http.User.DonorIdOf() == donorId;

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
