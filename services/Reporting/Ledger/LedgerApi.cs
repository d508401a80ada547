using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public sealed record AccountBalance(string Account, string Currency, decimal Debit, decimal Credit, decimal Balance);

public sealed record FundBalanceResponse(string FundId, long Entries, IReadOnlyList<AccountBalance> Accounts, IReadOnlyDictionary<string, decimal> Cash);

public sealed record LedgerLine(int LineNo, string Account, string? DonorId, string Currency, decimal Debit, decimal Credit, decimal BaseDebit, decimal BaseCredit,
    string? EarmarkKind);

public sealed record LedgerEntryResponse(long EntryId, string SourceType, string SourceId, string FundId, DateOnly ValueDate,
    string Description, DateTimeOffset PostedAt, string? TraceId, DateOnly PostingDate, bool Adjustment, string? ProjectId, string? PartnerId,
    string BaseCurrency, string? WindowId, Guid? PledgeId)
{
    public IReadOnlyList<LedgerLine> Lines { get; init; } = [];
}

public sealed record LedgerEntrySummary(long EntryId, string SourceType, string SourceId, DateOnly ValueDate, DateTimeOffset PostedAt);

public sealed record LedgerPage(IReadOnlyList<LedgerEntrySummary> Entries, long? NextAfterEntryId);

public static class LedgerApi
{
    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Ledger");
        group.MapGet("/funds/{fundId}/balance", GetFundBalanceAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.FundManager)).RequireReaderOfFund()
            .WithName("GetFundBalance")
            .WithSummary("Account balances of a fund from the ledger, and its cash per currency");
        group.MapGet("/ledger/entries/by-source/{sourceType}/{sourceId}", GetEntryBySourceAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
            .WithName("GetLedgerEntryBySource")
            .WithSummary("The journal entry posted for a source document, e.g. contribution/{id}");
        group.MapGet("/funds/{fundId}/ledger/entries", ListFundEntriesAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
            .WithName("ListFundLedgerEntries")
            .WithSummary("A fund's journal entries in posting order, a page at a time (afterEntryId, limit up to 1000)");
        return app;
    }

    private static async Task<IResult> ListFundEntriesAsync(string fundId, long? afterEntryId, int? limit, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.AddIf(afterEntryId < 0, "afterEntryId", "non-negative", "afterEntryId must be zero or more.");
        errors.AddIf(limit is < 1 or > 1000, "limit", "range", "limit must be between 1 and 1000.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        var size = limit ?? 100;
        await using var connection = await database.OpenAsync(cancellationToken);
        var entries = (await connection.QueryAsync<LedgerEntrySummary>(database.Sql["ledger.fund_entries_after"],
            new { FundId = fundId, AfterEntryId = afterEntryId ?? 0, Limit = size })).ToList();
        return TypedResults.Ok(new LedgerPage(entries, entries.Count == size ? entries[^1].EntryId : null));
    }

    private static async Task<IResult> GetFundBalanceAsync(string fundId, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var entries = await connection.ExecuteScalarAsync<long>(database.Sql["ledger.fund_entry_count"], new { FundId = fundId });
        if (entries == 0)
        {
            return Problems.NotFound("No ledger entries for this fund", $"The ledger has no entries for fund '{fundId}'.", "fundId");
        }
        var accounts = (await connection.QueryAsync<(string Account, string Currency, decimal Debit, decimal Credit)>(
                database.Sql["ledger.fund_balances"], new { FundId = fundId }))
            .Select(a => new AccountBalance(a.Account, a.Currency, Money.Normalise(a.Debit, a.Currency), Money.Normalise(a.Credit, a.Currency),
                Money.Normalise(Accounts.IsDebitNormal(a.Account) ? a.Debit - a.Credit : a.Credit - a.Debit, a.Currency)))
            .ToList();
        var cash = accounts.Where(a => a.Account == Accounts.Cash).ToDictionary(a => a.Currency, a => a.Balance);
        return TypedResults.Ok(new FundBalanceResponse(fundId, entries, accounts, cash));
    }

    private static async Task<IResult> GetEntryBySourceAsync(string sourceType, string sourceId, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var entry = await connection.QuerySingleOrDefaultAsync<LedgerEntryResponse>(database.Sql["ledger.entry_by_source"],
            new { SourceType = sourceType, SourceId = sourceId });
        if (entry is null)
        {
            return Problems.NotFound("Not posted", $"No journal entry has been posted for {sourceType} {sourceId} (yet).", "sourceId");
        }
        var lines = await connection.QueryAsync<LedgerLine>(database.Sql["ledger.lines_of_entry"], new { entry.EntryId });
        return TypedResults.Ok(entry with
        {
            Lines = [.. lines.Select(l => l with
            {
                Debit = Money.Normalise(l.Debit, l.Currency), Credit = Money.Normalise(l.Credit, l.Currency),
                BaseDebit = Money.Normalise(l.BaseDebit, entry.BaseCurrency), BaseCredit = Money.Normalise(l.BaseCredit, entry.BaseCurrency),
            })],
        });
    }
}
