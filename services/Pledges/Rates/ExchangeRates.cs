using System.Data.Common;
using System.Diagnostics;
using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Rates;

public sealed record RecordRateRequest(string? FromCurrency, string? ToCurrency, DateOnly? RateDate, decimal? Rate, string? CorrectionReason);

public sealed record RateRow(long RateId, string FromCurrency, string ToCurrency, DateOnly RateDate, decimal Rate, string? CorrectionReason,
    string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// Finance records exchange rates per currency pair and date. History is kept: a second rate for the same pair and
/// date is a correction, which needs a reason, and the latest recorded one counts from then on.
/// </summary>
public static class ExchangeRates
{
    public static IEndpointRouteBuilder MapExchangeRatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/exchange-rates").WithTags("Exchange rates");
        group.MapPost("/", RecordAsync).RequireAuthorization(Roles.Finance).RequireIdempotencyKey()
            .WithName("RecordExchangeRate").WithSummary("Record the rate of a currency pair on a date (finance)");
        group.MapGet("/{fromCurrency}/{toCurrency}", HistoryAsync).RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.FundManager))
            .WithName("GetExchangeRates").WithSummary("Every rate recorded for a pair, newest first, corrections included, a page at a time");
        return app;
    }

    /// <summary>The rate that counts for converting <paramref name="from"/> into <paramref name="to"/> on <paramref name="date"/>, if finance recorded one.</summary>
    public static async Task<decimal?> FindAsync(DbConnection connection, Database database, string from, string to, DateOnly date, DbTransaction? tx = null) =>
        (await connection.QueryAsync<RateRow>(database.Sql["rates.history"], new { FromCurrency = from, ToCurrency = to, RateDate = (DateOnly?)date, AfterRateId = (long?)null, Limit = (int?)null }, tx))
            .FirstOrDefault()?.Rate;

    /// <summary>The latest rate recorded on or before <paramref name="date"/>: how a pledge made that day is valued.</summary>
    public static Task<decimal?> FindOnOrBeforeAsync(DbConnection connection, Database database, string from, string to, DateOnly date, DbTransaction? tx = null) =>
        connection.ExecuteScalarAsync<decimal?>(database.Sql["rates.on_or_before"], new { FromCurrency = from, ToCurrency = to, RateDate = date }, tx);

    private static async Task<IResult> RecordAsync(RecordRateRequest request, HttpContext http, IdempotentExecutor idempotency, Database database,
        AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        var from = errors.RequireCurrency("fromCurrency", request.FromCurrency);
        var to = errors.RequireCurrency("toCurrency", request.ToCurrency);
        errors.AddIf(from is not null && from == to, "toCurrency", "different", "toCurrency must differ from fromCurrency.");
        errors.AddIf(request.RateDate is null, "rateDate", "required", "rateDate (yyyy-MM-dd) is required.");
        if (!errors.AddIf(request.Rate is null, "rate", "required", "rate is required: units of toCurrency for one unit of fromCurrency."))
        {
            errors.AddIf(request.Rate <= 0, "rate", "positive", "rate must be greater than zero.");
            errors.AddIf(request.Rate > 0 && decimal.Round(request.Rate.Value, 10) != request.Rate, "rate", "scale", "rate has at most 10 decimals.");
            errors.AddIf(request.Rate > 1_000_000_000m, "rate", "range", "rate is beyond the supported range.");
        }
        if (request.CorrectionReason is not null)
        {
            errors.RequireText("correctionReason", request.CorrectionReason, 500);
        }
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var connection = tx.Connection!;
            if (await connection.ExecuteScalarAsync<long>(database.Sql["rates.pair_used"], new { ToCurrency = to!.Code }, tx) == 0)
            {
                return Problems.Unprocessable("No fund uses this currency",
                    $"No known fund keeps its books in {to.Code}; rates are recorded into a fund's base currency.", "toCurrency", "pair-used");
            }
            var existing = await FindAsync(connection, database, from!.Code, to.Code, request.RateDate!.Value, tx);
            if (existing is not null && request.CorrectionReason is null)
            {
                return Problems.Conflict("Rate already recorded",
                    $"{from.Code}/{to.Code} on {request.RateDate:yyyy-MM-dd} is already {existing}; a correction needs correctionReason.", "correctionReason", "required-for-correction");
            }
            var actor = http.User.SubjectOf()!;
            var rateId = await connection.ExecuteScalarAsync<long>(database.Sql["rates.insert"], new
            {
                FromCurrency = from.Code, ToCurrency = to.Code, request.RateDate, request.Rate, request.CorrectionReason, RecordedBy = actor,
                Now = clock.GetUtcNow(), TraceId = Activity.Current?.TraceId.ToString(),
            }, tx);
            await audit.RecordAsync(tx, actor, existing is null ? "rate.recorded" : "rate.corrected", "exchange-rate",
                $"{from.Code}/{to.Code}/{request.RateDate:yyyy-MM-dd}", new { request, before = existing });
            return TypedResults.Created($"/exchange-rates/{from.Code}/{to.Code}",
                new RateRow(rateId, from.Code, to.Code, request.RateDate.Value, request.Rate!.Value, request.CorrectionReason, actor, clock.GetUtcNow()));
        });
    }

    /// <summary>A pair's rates newest first, a page at a time: the <c>limit</c> after the rate <c>after</c>.</summary>
    private static Task<IResult> HistoryAsync(string fromCurrency, string toCurrency, int? limit, long? after, Database database,
        CancellationToken cancellationToken) =>
        Paging.AnswerAsync<RateRow>(limit, async size =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return [.. await connection.QueryAsync<RateRow>(database.Sql["rates.history"],
                new { FromCurrency = fromCurrency, ToCurrency = toCurrency, RateDate = (DateOnly?)null, AfterRateId = after, Limit = size })];
        }, r => r.RateId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
