using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Storage;
using TrustFund.Reporting.Ledger;

namespace TrustFund.Reporting.Statements;

/// <summary>An account's debits and credits in the base currency.</summary>
public sealed record BaseBalance(string Account, string Currency, decimal Debit, decimal Credit);

/// <summary>
/// The statement of financial position of a fund at a date, in its base currency: assets (cash, contributions
/// receivable at their booked value), liabilities (none: TrustFund books no conditional contributions), and net assets
/// with and without donor restrictions (ASC 958 / IPSAS), which are revenue less expenses of each class to date.
/// </summary>
public sealed record FinancialPositionResponse(string FundId, DateOnly AsOf, string Currency,
    decimal Cash, decimal ContributionsReceivable, decimal CurrencyExchangePosition, decimal TotalAssets, decimal TotalLiabilities,
    decimal NetAssetsWithoutDonorRestrictions, decimal NetAssetsWithDonorRestrictions, decimal TotalNetAssets, decimal TotalLiabilitiesAndNetAssets,
    bool Balanced);

public static class FinancialPosition
{
    public static FinancialPositionResponse Build(string fundId, DateOnly asOf, string currency, IReadOnlyList<BaseBalance> balances)
    {
        decimal N(decimal v) => Money.Normalise(v, currency);
        decimal Asset(string account) => N(balances.Where(b => b.Account == account).Sum(b => b.Debit - b.Credit));
        decimal NetAssets(bool restricted) => N(balances
            .Where(b => (Accounts.IsActivity(b.Account) || b.Account is Accounts.NetAssetsRestricted or Accounts.NetAssetsUnrestricted)
                && Accounts.IsRestricted(b.Account) == restricted)
            .Sum(b => b.Credit - b.Debit));
        var (cash, receivable, position) = (Asset(Accounts.Cash), Asset(Accounts.ContributionsReceivable), Asset(Accounts.CurrencyExchangePosition));
        var totalAssets = cash + receivable + position;
        var (without, with) = (NetAssets(restricted: false), NetAssets(restricted: true));
        return new FinancialPositionResponse(fundId, asOf, currency, cash, receivable, position, totalAssets, 0m, without, with, without + with,
            without + with, totalAssets == without + with);
    }

    public static async Task<IResult> GetAsync(string fundId, DateOnly? asOf, Database database, CancellationToken cancellationToken)
    {
        var errors = StatementPeriod.CheckAsOf(fundId, asOf);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await LoadAsync(new StatementQuery(database, connection, null, fundId, asOf!.Value, asOf!.Value)));
    }

    /// <summary>One statement per base currency (a fund has one), at <see cref="StatementQuery.To"/>.</summary>
    public static async Task<IReadOnlyList<FinancialPositionResponse>> LoadAsync(StatementQuery query)
    {
        var balances = (await query.Connection.QueryAsync<BaseBalance>(query.Database.Sql["statements.position"],
                new { query.FundId, AsOf = query.To }, query.Transaction))
            .Select(b => b with { Currency = b.Currency.Trim() }).ToList();
        return [.. balances.GroupBy(b => b.Currency).Select(g => Build(query.FundId, query.To, g.Key, [.. g]))];
    }
}
