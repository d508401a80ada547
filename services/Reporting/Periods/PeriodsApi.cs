using System.Diagnostics;
using System.Globalization;
using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;
using TrustFund.Reporting.Statements;

namespace TrustFund.Reporting.Periods;

public sealed record ClosePeriodRequest(string? Kind, string? Period);

public sealed record ClosedPeriod(DateOnly Start, DateOnly End, string Kind, string ClosedBy, DateTimeOffset ClosedAt);

public sealed record TrialBalanceLine(string Account, string Currency, decimal Debit, decimal Credit);

/// <summary>
/// Debits and credits per account in each currency (<see cref="Lines"/>, totals per currency), and, when any line is in
/// a currency other than the fund's base, the same valued in the base currency (<see cref="InBaseCurrency"/>,
/// <see cref="BaseTotals"/>): both balance.
/// </summary>
public sealed record TrialBalance(string FundId, DateOnly From, DateOnly To, IReadOnlyList<TrialBalanceLine> Lines, IReadOnlyList<TrialBalanceLine> Totals,
    IReadOnlyList<TrialBalanceLine>? InBaseCurrency = null, IReadOnlyList<TrialBalanceLine>? BaseTotals = null);

/// <summary>
/// Finance closes a month or a year: from then on nothing is posted into it. An event whose value date falls in a
/// closed period is posted on the first open day after it, as an adjustment, so a closed period's statements never
/// change.
/// </summary>
public static class PeriodsApi
{
    public static IEndpointRouteBuilder MapPeriodsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/periods/close", CloseAsync).WithTags("Periods").RequireAuthorization(Roles.Finance).RequireIdempotencyKey()
            .WithName("ClosePeriod").WithSummary("Close a month (\"2026-10\") or a year (\"2026\") that has ended (finance)");
        app.MapGet("/periods", ListAsync).WithTags("Periods").RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.FundManager))
            .WithName("ListClosedPeriods").WithSummary("Closed periods in date order, a page at a time");
        app.MapGet("/funds/{fundId}/statements/trial-balance", TrialBalanceAsync).WithTags("Statements")
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.FundManager)).RequireReaderOfFund()
            .WithName("GetTrialBalance").WithSummary("Debits and credits per account over the entries posted in a date range");
        return app;
    }

    /// <summary>The first and last day of "yyyy-MM" (month) or "yyyy" (year); null when it does not parse.</summary>
    public static (DateOnly Start, DateOnly End)? Range(string kind, string period) => kind switch
    {
        "month" when DateOnly.TryParseExact($"{period}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) =>
            (first, first.AddMonths(1).AddDays(-1)),
        "year" when period.Length == 4 && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 2000 =>
            (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
        _ => null,
    };

    private static async Task<IResult> CloseAsync(ClosePeriodRequest request, HttpContext http, IdempotentExecutor idempotency, Database database,
        AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.Kind is not ("month" or "year"), "kind", "one-of", "kind must be month or year.");
        var range = request.Kind is null || request.Period is null ? null : Range(request.Kind, request.Period);
        errors.AddIf(range is null && request.Kind is "month" or "year", "period", "format", "period is \"yyyy-MM\" for a month or \"yyyy\" for a year.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        var (start, end) = range!.Value;
        if (end >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            return Problems.Unprocessable("Period not over", $"{request.Period} ends on {end:yyyy-MM-dd}; only a period that has ended can be closed.", "period", "ended");
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var connection = tx.Connection!;
            await connection.ExecuteAsync(database.Sql["chain.lock"], transaction: tx);
            if (await connection.ExecuteScalarAsync<DateOnly?>(database.Sql["periods.closed_containing"], new { Date = start }, tx) is not null
                && await connection.ExecuteScalarAsync<DateOnly?>(database.Sql["periods.closed_containing"], new { Date = end }, tx) is not null)
            {
                return Problems.Conflict("Already closed", $"{request.Period} is already closed.", "period", "open");
            }
            var actor = http.User.SubjectOf()!;
            await connection.ExecuteAsync(database.Sql["periods.insert"], new
            {
                Start = start, End = end, request.Kind, Actor = actor, Now = clock.GetUtcNow(), TraceId = Activity.Current?.TraceId.ToString(),
            }, tx);
            await audit.RecordAsync(tx, actor, "period.closed", "period", request.Period!, new { request.Kind, start, end });
            return TypedResults.Ok(new ClosedPeriod(start, end, request.Kind!, actor, clock.GetUtcNow()));
        });
    }

    /// <summary>The closed periods in date order, a page at a time: the <c>limit</c> after the period <c>after</c> ("yyyy-MM" or "yyyy").</summary>
    private static Task<IResult> ListAsync(int? limit, string? after, Database database, CancellationToken cancellationToken)
    {
        var range = after is null ? null : Range(after.Length == 4 ? "year" : "month", after);
        return Paging.AnswerAsync<ClosedPeriod>(limit, async size =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return [.. await connection.QueryAsync<ClosedPeriod>(database.Sql["periods.all"],
                new { AfterStart = range?.Start, AfterEnd = range?.End, Limit = size })];
        }, p => p.Kind == "year" ? p.Start.ToString("yyyy", CultureInfo.InvariantCulture) : p.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            errors => errors.AddIf(after is not null && range is null, "after", "format", "after is the next of the page before: a month \"yyyy-MM\" or a year \"yyyy\"."));
    }

    private static async Task<IResult> TrialBalanceAsync(string fundId, DateOnly? from, DateOnly? to, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (errors.RequirePeriod(from, to) is not var (start, end))
        {
            return errors.ToProblem();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await LoadTrialBalanceAsync(new StatementQuery(database, connection, null, fundId, start, end)));
    }

    public static async Task<TrialBalance> LoadTrialBalanceAsync(StatementQuery query)
    {
        async Task<List<TrialBalanceLine>> ReadAsync(string sql) =>
            [.. (await query.Connection.QueryAsync<TrialBalanceLine>(query.Database.Sql[sql], new { query.FundId, query.From, query.To }, query.Transaction))
                .Select(l => l with { Currency = l.Currency.Trim(), Debit = Money.Normalise(l.Debit, l.Currency), Credit = Money.Normalise(l.Credit, l.Currency) })];
        static List<TrialBalanceLine> Totals(IEnumerable<TrialBalanceLine> lines) =>
            [.. lines.GroupBy(l => l.Currency).Select(g => new TrialBalanceLine("(total)", g.Key, g.Sum(l => l.Debit), g.Sum(l => l.Credit)))
                .OrderBy(t => t.Currency, StringComparer.Ordinal)];
        var lines = await ReadAsync("ledger.trial_balance");
        var inBase = await ReadAsync("ledger.trial_balance_base");
        var foreign = lines.Select(l => l.Currency).Except(inBase.Select(l => l.Currency)).Any();
        return new TrialBalance(query.FundId, query.From, query.To, lines, Totals(lines), foreign ? inBase : null, foreign ? Totals(inBase) : null);
    }
}
