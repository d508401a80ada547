using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;
using TrustFund.Reporting.Ledger;

namespace TrustFund.Reporting.Statements;

/// <summary>A fund's lines over a period, summed per source type, account, donor, project, partner and currency.</summary>
public sealed record PeriodLine(string SourceType, string Account, string? DonorId, string? ProjectId, string? PartnerId, string Currency, decimal Debit, decimal Credit);

public sealed record Amount(string Label, decimal Value);

public sealed record TransferLine(string ProjectId, string PartnerId, decimal Value);

/// <summary>
/// The sources and uses of a fund over a period, laid out as the UN MPTF Office's funding status, in one currency.
/// Every figure is a sum of ledger lines posted in the period.
/// </summary>
public sealed record SourcesAndUsesStatement(
    string FundId, string Currency, DateOnly From, DateOnly To, decimal OpeningBalance,
    IReadOnlyList<Amount> ContributionsByDonor, decimal Contributions, decimal Interest, decimal OtherIncome, decimal TotalSources,
    IReadOnlyList<TransferLine> TransfersByProjectAndPartner, decimal Transfers, decimal Refunds, decimal AdministrativeAgentFee, decimal DirectCosts,
    decimal BankCharges, decimal TotalUses, decimal BalanceForPeriod, decimal? BalanceAsPercentOfDeposits, decimal ClosingBalance);

public static class SourcesAndUses
{
    public static IEndpointRouteBuilder MapStatementsApi(this IEndpointRouteBuilder app)
    {
        // Fund-level statements: finance, auditors and the fund's own managers. A donor reads only its own donor statement.
        var fundLevel = app.MapGroup("/funds/{fundId}/statements").WithTags("Statements")
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.FundManager)).RequireReaderOfFund();
        fundLevel.MapGet("/sources-and-uses", GetAsync)
            .WithName("GetSourcesAndUses").WithSummary("Sources and uses of funds over a period, per currency, as the MPTF Office's funding status");
        fundLevel.MapGet("/financial-position", FinancialPosition.GetAsync)
            .WithName("GetFinancialPosition").WithSummary("Statement of financial position at a date: assets, net assets with and without donor restrictions");
        fundLevel.MapGet("/receivables-ageing", ReceivablesAgeing.GetAsync)
            .WithName("GetReceivablesAgeing").WithSummary("Pledges receivable at a date, aged by days past due, per donor and currency");
        fundLevel.MapGet("/assessed-contributions", AssessedContributions.GetAsync)
            .WithName("GetAssessedContributions").WithSummary("Assessed contributions of a year per member: assessed, paid, outstanding, arrears");
        app.MapGet("/funds/{fundId}/statements/donors/{donorId}", DonorStatement.GetAsync).WithTags("Statements")
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.Donor))
            .WithName("GetDonorStatement").WithSummary("A donor's statement: pledged, paid, outstanding, and where its money went (finance, auditor, the donor itself)");
        return app;
    }

    /// <summary>Builds the statement of one currency from the period's lines and the cash held before it.</summary>
    public static SourcesAndUsesStatement Build(string fundId, string currency, DateOnly from, DateOnly to, decimal openingCash, IReadOnlyList<PeriodLine> lines)
    {
        var mine = lines.Where(l => l.Currency.Trim() == currency).ToList();
        decimal Credit(IEnumerable<PeriodLine> of) => of.Sum(l => l.Credit - l.Debit);
        decimal Debit(IEnumerable<PeriodLine> of) => of.Sum(l => l.Debit - l.Credit);
        decimal N(decimal v) => Money.Normalise(v, currency);

        // Deposits, as the funding status counts them: cash received from donors (a pledge is revenue, not yet a deposit).
        var deposits = mine.Where(l => l.SourceType == SourceTypes.Contribution && l.Account == Accounts.Cash).ToList();
        var byDonor = deposits.GroupBy(l => l.DonorId ?? "(unknown)", StringComparer.Ordinal)
            .Select(g => new Amount(g.Key, N(Debit(g)))).Where(a => a.Value != 0).OrderBy(a => a.Label, StringComparer.Ordinal).ToList();
        var contributions = N(Debit(deposits));
        var interest = N(Credit(mine.Where(l => l.Account is Accounts.InterestIncomeUnrestricted or Accounts.InterestIncomeRestricted)));
        var totalSources = contributions + interest;

        var transferLines = mine.Where(l => l.Account == Accounts.TransfersToPartners).ToList();
        var byProject = transferLines.GroupBy(l => (Project: l.ProjectId ?? "(none)", Partner: l.PartnerId ?? "(none)"))
            .Select(g => new TransferLine(g.Key.Project, g.Key.Partner, N(Debit(g)))).Where(t => t.Value != 0)
            .OrderBy(t => t.ProjectId, StringComparer.Ordinal).ThenBy(t => t.PartnerId, StringComparer.Ordinal).ToList();
        var transfers = N(Debit(transferLines));
        var refunds = N(Credit(mine.Where(l => l.Account == Accounts.RefundsFromPartners)));
        var fee = N(Debit(mine.Where(l => l.Account == Accounts.AdministrativeAgentFee)));
        var totalUses = transfers - refunds + fee;
        var balance = totalSources - totalUses;
        return new SourcesAndUsesStatement(fundId, currency, from, to, N(openingCash), byDonor, contributions, interest, 0m, totalSources,
            byProject, transfers, refunds, fee, 0m, 0m, totalUses, balance,
            contributions == 0 ? null : decimal.Round(balance / contributions * 100m, 2, MidpointRounding.AwayFromZero), N(openingCash) + balance);
    }

    private static async Task<IResult> GetAsync(string fundId, DateOnly? from, DateOnly? to, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (errors.RequirePeriod(from, to) is not var (start, end))
        {
            return errors.ToProblem();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await LoadAsync(new StatementQuery(database, connection, null, fundId, start, end)));
    }

    /// <summary>One statement per currency the fund has lines or opening cash in, in code order.</summary>
    public static async Task<IReadOnlyList<SourcesAndUsesStatement>> LoadAsync(StatementQuery query)
    {
        var lines = (await query.Connection.QueryAsync<PeriodLine>(query.Database.Sql["ledger.period_lines"],
            new { query.FundId, query.From, query.To }, query.Transaction)).ToList();
        var opening = (await query.Connection.QueryAsync<(string Currency, decimal Cash)>(query.Database.Sql["ledger.cash_before"],
                new { query.FundId, Before = query.From }, query.Transaction))
            .ToDictionary(c => c.Currency.Trim(), c => c.Cash);
        // The currencies cash is held in (a receivable in another currency is no fund balance of its own).
        var currencies = lines.Where(l => l.Account == Accounts.Cash).Select(l => l.Currency.Trim()).Union(opening.Keys).Order(StringComparer.Ordinal).ToList();
        return [.. currencies.Select(c => Build(query.FundId, c, query.From, query.To, opening.GetValueOrDefault(c), lines))];
    }
}
