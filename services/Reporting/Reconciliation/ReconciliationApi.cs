using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Reconciliation;

/// <summary>
/// A figure on which the ledger and a service disagree: the service, both values and the ledger's excess.
/// <see cref="Earmarking"/> repeats Earmarking's value on its rows, as the answer had it before the other services were compared.
/// </summary>
public sealed record Difference(string Service, string Currency, string Figure, decimal Reporting, decimal ServiceValue, decimal Amount)
{
    public decimal? Earmarking => Service == ReconciledServices.Earmarking ? ServiceValue : null;
}

public sealed record ReconciliationResponse(string FundId, DateTimeOffset ComparedAt, bool Reconciled, IReadOnlyList<Difference> Differences,
    IReadOnlyList<FundFigures> Ledger);

/// <summary>
/// Compares the ledger with the own sums of Earmarking, Pledges and Disbursements for a fund (their GET /totals),
/// figure by figure and currency by currency, and lists every difference with the service it came from. Zero
/// differences is the normal state once events in flight have arrived. The caller's token is passed on: whoever may
/// reconcile here may read the totals there.
/// </summary>
public static partial class ReconciliationApi
{
    public const string HttpClientName = "totals";

    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/funds/{fundId}/reconciliation", ReconcileAsync).WithTags("Reconciliation")
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
            .WithName("ReconcileFund").WithSummary("Differences between the ledger and Earmarking's, Pledges' and Disbursements' own totals for a fund (finance, auditor)");
        return app;
    }

    private static async Task<IResult> ReconcileAsync(string fundId, HttpContext http, Database database, IHttpClientFactory clients,
        IOptions<ReconciliationOptions> options, TimeProvider clock)
    {
        // Checked here, so that a malformed id is the caller's 400 rather than a service's refusal passed on as a 502.
        var errors = new ValidationErrors();
        if (!errors.RequireId("fundId", fundId))
        {
            return errors.ToProblem();
        }
        IReadOnlyList<FundFigures> ledger;
        await using (var connection = await database.OpenAsync(http.RequestAborted))
        {
            ledger = FiguresOf(await connection.QueryAsync<SourceBalance>(database.Sql["ledger.fund_balances_by_source"], new { FundId = fundId }));
        }

        var earmarking = TotalsAsync<List<EarmarkingTotals>>(ReconciledServices.Earmarking, options.Value.Earmarking!, fundId, http, clients);
        var pledges = TotalsAsync<List<PledgesTotals>>(ReconciledServices.Pledges, options.Value.Pledges!, fundId, http, clients);
        var disbursements = TotalsAsync<List<DisbursementsTotals>>(ReconciledServices.Disbursements, options.Value.Disbursements!, fundId, http, clients);
        await Task.WhenAll(earmarking, pledges, disbursements);
        if (((await earmarking).Problem ?? (await pledges).Problem ?? (await disbursements).Problem) is { } unavailable)
        {
            return unavailable;
        }

        List<Difference> differences =
        [
            .. Compare(ledger, (await earmarking).Totals!),
            .. Compare(ledger, (await pledges).Totals!.FirstOrDefault(p => p.FundId == fundId)),
            .. Compare(ledger, (await disbursements).Totals!),
        ];
        return TypedResults.Ok(new ReconciliationResponse(fundId, clock.GetUtcNow(), differences.Count == 0, differences, ledger));
    }

    /// <summary>A service's <c>/totals</c> for the fund, or a 502 naming the service when it cannot be had.</summary>
    private static async Task<(T? Totals, IResult? Problem)> TotalsAsync<T>(string service, Uri baseAddress, string fundId, HttpContext http,
        IHttpClientFactory clients)
        where T : class, new()
    {
        using var client = clients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, $"/totals?fundId={Uri.EscapeDataString(fundId)}"));
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(http.Request.Headers.Authorization.ToString());
        try
        {
            using var response = await client.SendAsync(request, http.RequestAborted);
            return response.IsSuccessStatusCode
                ? (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, http.RequestAborted) ?? new T(), null)
                : (null, Unavailable(service, $"{service} answered {(int)response.StatusCode}"));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException
                                  || (e is TaskCanceledException && !http.RequestAborted.IsCancellationRequested))
        {
            return (null, Unavailable(service, $"{service} could not be reached ({e.GetType().Name})"));
        }
    }

    private static IResult Unavailable(string service, string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: $"Totals of {service} unavailable",
            detail: $"{what}; the fund cannot be reconciled now.",
            extensions: new Dictionary<string, object?> { ["field"] = "fundId", ["rule"] = "service-available", ["service"] = service });
}
