using System.ComponentModel.DataAnnotations;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using TrustFund.Contracts.Amounts;
using Microsoft.Extensions.Options;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;
using TrustFund.Reporting.Ledger;

namespace TrustFund.Reporting.Reconciliation;

public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>Earmarking's base address, whose <c>/totals</c> the ledger is compared with.</summary>
    [Required(ErrorMessage = "Reconciliation:Earmarking (Earmarking's base address) is required.")]
    public Uri? Earmarking { get; set; }
}

/// <summary>A figure on which the ledger and Earmarking disagree: both values and the ledger's excess.</summary>
public sealed record Difference(string Currency, string Figure, decimal Reporting, decimal Earmarking, decimal Amount);

public sealed record ReconciliationResponse(string FundId, DateTimeOffset ComparedAt, bool Reconciled, IReadOnlyList<Difference> Differences,
    IReadOnlyList<FundFigures> Ledger);

/// <summary>The figures of a fund in one currency as the ledger has them, comparable with Earmarking's own totals.</summary>
public sealed record FundFigures(string Currency, decimal Contributions, decimal Interest, decimal Fees, decimal Transfers, decimal Refunds, decimal Cash)
{
    public decimal DisbursedNet => Transfers - Refunds;
}

/// <summary>
/// Compares the ledger with Earmarking's own sums for a fund (GET /totals), figure by figure and currency by
/// currency, and lists every difference. Zero differences is the normal state once events in flight have arrived.
/// The caller's token is passed on: whoever may reconcile here may read the totals there.
/// </summary>
public static class ReconciliationApi
{
    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/funds/{fundId}/reconciliation", ReconcileAsync).WithTags("Reconciliation")
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
            .WithName("ReconcileFund").WithSummary("Differences between the ledger and Earmarking's own totals for a fund (finance, auditor)");
        return app;
    }

    public static IReadOnlyList<FundFigures> FiguresOf(IEnumerable<(string Account, string Currency, decimal Debit, decimal Credit)> balances) =>
        [.. balances.GroupBy(b => b.Currency.Trim()).Select(g =>
        {
            decimal Credit(params string[] accounts) => Money.Normalise(g.Where(b => accounts.Contains(b.Account)).Sum(b => b.Credit - b.Debit), g.Key);
            decimal Debit(params string[] accounts) => Money.Normalise(g.Where(b => accounts.Contains(b.Account)).Sum(b => b.Debit - b.Credit), g.Key);
            return new FundFigures(g.Key,
                Credit(Accounts.ContributionRevenueUnrestricted, Accounts.ContributionRevenueRestricted),
                Credit(Accounts.InterestIncomeUnrestricted, Accounts.InterestIncomeRestricted),
                Debit(Accounts.AdministrativeAgentFee), Debit(Accounts.TransfersToPartners), Credit(Accounts.RefundsFromPartners), Debit(Accounts.Cash));
        }).OrderBy(f => f.Currency, StringComparer.Ordinal)];

    /// <summary>Pure comparison of the ledger's figures with Earmarking's totals rows.</summary>
    public static IReadOnlyList<Difference> Compare(IReadOnlyList<FundFigures> ledger, IReadOnlyList<EarmarkingTotals> earmarking)
    {
        var differences = new List<Difference>();
        foreach (var currency in ledger.Select(l => l.Currency).Union(earmarking.Select(e => e.Currency)).Order(StringComparer.Ordinal))
        {
            var l = ledger.FirstOrDefault(x => x.Currency == currency) ?? new FundFigures(currency, 0, 0, 0, 0, 0, 0);
            var e = earmarking.FirstOrDefault(x => x.Currency == currency) ?? new EarmarkingTotals(currency, 0, 0, 0, 0, 0, 0, 0, 0);
            void Check(string figure, decimal reporting, decimal service)
            {
                if (reporting != service)
                {
                    differences.Add(new Difference(currency, figure, reporting, service, reporting - service));
                }
            }
            Check("contributions", l.Contributions, e.Contributions);
            Check("interest", l.Interest, e.Interest);
            Check("fees", l.Fees, e.Fees);
            Check("disbursed", l.DisbursedNet, e.Disbursed);
            Check("refunded", l.Refunds, e.Refunded);
            Check("cash held", l.Cash, e.Available + e.Reserved + e.Suspense);
        }
        return differences;
    }

    private static async Task<IResult> ReconcileAsync(string fundId, HttpContext http, Database database, IHttpClientFactory clients,
        IOptions<ReconciliationOptions> options, TimeProvider clock)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var ledger = FiguresOf(await connection.QueryAsync<(string Account, string Currency, decimal Debit, decimal Credit)>(
            database.Sql["ledger.fund_balances"], new { FundId = fundId }));

        using var client = clients.CreateClient("earmarking");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Value.Earmarking!, $"/totals?fundId={Uri.EscapeDataString(fundId)}"));
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(http.Request.Headers.Authorization.ToString());
        using var response = await client.SendAsync(request, http.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Earmarking's totals unavailable",
                detail: $"Earmarking answered {(int)response.StatusCode}; the fund cannot be reconciled now.",
                extensions: new Dictionary<string, object?> { ["field"] = "fundId", ["rule"] = "service-available" });
        }
        var totals = await response.Content.ReadFromJsonAsync<List<EarmarkingTotals>>(JsonSerializerOptions.Web, http.RequestAborted) ?? [];
        var differences = Compare(ledger, totals);
        return TypedResults.Ok(new ReconciliationResponse(fundId, clock.GetUtcNow(), differences.Count == 0, differences, ledger));
    }
}

/// <summary>One row of Earmarking's GET /totals.</summary>
public sealed record EarmarkingTotals(string Currency, decimal Contributions, decimal Interest, decimal Fees, decimal Available, decimal Reserved,
    decimal Disbursed, decimal Refunded, decimal Suspense);
