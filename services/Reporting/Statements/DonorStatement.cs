using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;
using TrustFund.Reporting.Ledger;

namespace TrustFund.Reporting.Statements;

/// <summary>A donor's lines summed per source, account, currency, project, partner and earmark; before or in the period.</summary>
public sealed record DonorLine(string SourceType, string Account, string Currency, string? ProjectId, string? PartnerId, string? EarmarkKind, bool InPeriod,
    decimal Debit, decimal Credit, decimal BaseDebit, decimal BaseCredit);

/// <summary>A donor's pledges in one currency: what the period added and settled, and what is outstanding at its end.</summary>
public sealed record DonorPledges(string Currency, decimal Pledged, decimal Paid, decimal Cancelled, decimal WrittenOff, decimal OutstandingAtEnd,
    decimal OutstandingAtEndInBaseCurrency);

/// <summary>Where the donor's money went: transfers to a project's partner paid with it, refunds back, by earmark.</summary>
public sealed record DonorUse(string ProjectId, string PartnerId, string EarmarkKind, decimal Transferred, decimal Refunded, decimal Net);

/// <summary>
/// A donor's statement for a fund and a period, in the fund's base currency except pledges (in their own currency):
/// pledged, paid, outstanding; contributions received and the fee on them; the interest credited to the donor's pools;
/// where the money went (the attribution of each transfer to the donors whose money paid it); and what of the donor's
/// money the fund still holds, which is what the donor's pools (and suspense) hold in Earmarking.
/// </summary>
public sealed record DonorStatementResponse(string FundId, string DonorId, DateOnly From, DateOnly To, string Currency,
    IReadOnlyList<DonorPledges> Pledges, decimal ContributionsReceived, decimal ContributionsReceivedToDate, decimal AdministrativeAgentFee,
    decimal ExchangeDifferences, decimal Interest, IReadOnlyList<DonorUse> Uses, decimal Transferred, decimal Refunded, decimal HeldAtEnd);

public static class DonorStatement
{
    public static DonorStatementResponse Build(string fundId, string donorId, DateOnly from, DateOnly to, string baseCurrency, IReadOnlyList<DonorLine> lines)
    {
        decimal N(decimal v, string currency) => Money.Normalise(v, currency);
        var period = lines.Where(l => l.InPeriod).ToList();
        decimal Receivable(IEnumerable<DonorLine> of, params string[] sources) =>
            of.Where(l => l.Account == Accounts.ContributionsReceivable && sources.Contains(l.SourceType)).Sum(l => l.Debit - l.Credit);

        var pledges = lines.Where(l => l.Account == Accounts.ContributionsReceivable).GroupBy(l => l.Currency.Trim()).Select(g =>
        {
            var inPeriod = g.Where(l => l.InPeriod).ToList();
            return new DonorPledges(g.Key,
                N(Receivable(inPeriod, SourceTypes.Pledge, SourceTypes.PledgeAmendment), g.Key), N(-Receivable(inPeriod, SourceTypes.Contribution), g.Key),
                N(-Receivable(inPeriod, SourceTypes.PledgeCancellation), g.Key), N(-Receivable(inPeriod, SourceTypes.PledgeWriteOff), g.Key),
                N(g.Sum(l => l.Debit - l.Credit), g.Key), N(g.Sum(l => l.BaseDebit - l.BaseCredit), baseCurrency));
        }).OrderBy(p => p.Currency, StringComparer.Ordinal).ToList();

        // Everything below is in the base currency: the fund's cash and its uses.
        var cash = lines.Where(l => l.Account == Accounts.Cash).ToList();
        decimal Deposits(IEnumerable<DonorLine> of) => of.Where(l => l.SourceType == SourceTypes.Contribution).Sum(l => l.BaseDebit - l.BaseCredit);
        var uses = period.Where(l => l.Account is Accounts.TransfersToPartners or Accounts.RefundsFromPartners)
            .GroupBy(l => (Project: l.ProjectId ?? "(none)", Partner: l.PartnerId ?? "(none)", Earmark: l.EarmarkKind ?? "(unknown)"))
            .Select(g =>
            {
                var transferred = N(g.Where(l => l.Account == Accounts.TransfersToPartners).Sum(l => l.BaseDebit - l.BaseCredit), baseCurrency);
                var refunded = N(g.Where(l => l.Account == Accounts.RefundsFromPartners).Sum(l => l.BaseCredit - l.BaseDebit), baseCurrency);
                return new DonorUse(g.Key.Project, g.Key.Partner, g.Key.Earmark, transferred, refunded, transferred - refunded);
            })
            .OrderBy(u => u.ProjectId, StringComparer.Ordinal).ThenBy(u => u.PartnerId, StringComparer.Ordinal).ThenBy(u => u.EarmarkKind, StringComparer.Ordinal)
            .ToList();
        return new DonorStatementResponse(fundId, donorId, from, to, baseCurrency, pledges,
            N(Deposits(cash.Where(l => l.InPeriod)), baseCurrency), N(Deposits(cash), baseCurrency),
            N(period.Where(l => l.Account == Accounts.AdministrativeAgentFee).Sum(l => l.BaseDebit - l.BaseCredit), baseCurrency),
            N(period.Where(l => l.Account is Accounts.ExchangeDifferencesRestricted or Accounts.ExchangeDifferencesUnrestricted).Sum(l => l.BaseCredit - l.BaseDebit), baseCurrency),
            N(period.Where(l => l.Account is Accounts.InterestIncomeRestricted or Accounts.InterestIncomeUnrestricted).Sum(l => l.BaseCredit - l.BaseDebit), baseCurrency),
            uses, uses.Sum(u => u.Transferred), uses.Sum(u => u.Refunded),
            N(cash.Sum(l => l.BaseDebit - l.BaseCredit), baseCurrency));
    }

    /// <summary>Finance and auditors read any donor's statement; a donor reads only its own (another's is not found, as elsewhere).</summary>
    public static async Task<IResult> GetAsync(string fundId, string donorId, DateOnly? from, DateOnly? to, HttpContext http, Database database,
        CancellationToken cancellationToken)
    {
        if (http.User.IsInRole(Roles.Donor) && !http.User.IsInRole(Roles.Finance) && !http.User.IsInRole(Roles.Auditor)
            && http.User.DonorIdOf() != donorId)
        {
            return Problems.NotFound("Unknown donor", $"No statement of donor '{donorId}' is available to you.", "donorId");
        }
        var errors = new ValidationErrors();
        errors.RequireId("fundId", fundId);
        errors.RequireId("donorId", donorId);
        errors.RequirePeriod(from, to);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var statement = await LoadAsync(new StatementQuery(database, connection, null, fundId, from!.Value, to!.Value, donorId));
        return statement is null
            ? Problems.NotFound("No ledger entries for this fund", $"The ledger has no entries for fund '{fundId}'.", "fundId")
            : TypedResults.Ok(statement);
    }

    /// <summary>The statement of <see cref="StatementQuery.DonorId"/>; null when the ledger has no entry of the fund.</summary>
    public static async Task<DonorStatementResponse?> LoadAsync(StatementQuery query)
    {
        if (await query.Connection.ExecuteScalarAsync<string?>(query.Database.Sql["ledger.fund_base_currency"], new { query.FundId }, query.Transaction)
            is not { } baseCurrency)
        {
            return null;
        }
        var lines = (await query.Connection.QueryAsync<DonorLine>(query.Database.Sql["statements.donor_lines"],
            new { query.FundId, query.DonorId, query.From, query.To }, query.Transaction)).ToList();
        return Build(query.FundId, query.DonorId!, query.From, query.To, baseCurrency.Trim(), lines);
    }
}
