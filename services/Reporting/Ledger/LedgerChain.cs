using System.Data.Common;
using Dapper;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public sealed record EntryLine(long EntryId, int LineNo, string Account, string? DonorId, string Currency, decimal Debit, decimal Credit,
    decimal BaseDebit, decimal BaseCredit, string? EarmarkKind);

public sealed record ChainLink(long Position, long EntryId, string PreviousHash, string EntryHash);

public sealed record BrokenLink(long Position, long? EntryId, string Reason, string? Expected, string? Found);

/// <summary>
/// The chain checked link by link from the first entry, and against every signed checkpoint of its head: valid only
/// when both hold.
/// </summary>
public sealed record ChainVerification(bool Valid, long Entries, string LastHash, BrokenLink? FirstBrokenLink, IReadOnlyList<long> UnchainedEntries,
    CheckpointVerification? Checkpoints = null);

/// <summary>Chains entries as they are posted, and verifies the whole chain from the first entry.</summary>
public static class LedgerChain
{
    private const int Page = 1000;

    /// <summary>
    /// Appends the entry just posted to the chain (the caller holds the chain lock). Only the writer's own entries are
    /// chained: an entry written around it stays out and shows as unchained. The very first time, the entries posted
    /// before the chain existed are chained first, in entry order.
    /// </summary>
    public static async Task ChainAsync(Database database, DbTransaction tx, StoredEntry posted)
    {
        var connection = tx.Connection!;
        var head = await connection.QuerySingleOrDefaultAsync<ChainLink>(database.Sql["chain.head"], transaction: tx);
        var entries = head is null
            ? await LoadAsync(connection, database,
                [.. (await connection.QueryAsync<long>(database.Sql["chain.unchained"], transaction: tx)).Where(id => id <= posted.EntryId)], tx)
            : [posted];
        var position = head?.Position ?? 0;
        var previous = head?.EntryHash ?? EntryHash.Genesis;
        foreach (var entry in entries)
        {
            var hash = EntryHash.Compute(previous, entry);
            await connection.ExecuteAsync(database.Sql["chain.insert"], new
            {
                Position = ++position, entry.EntryId, PreviousHash = previous, EntryHash = hash, Now = DateTimeOffset.UtcNow,
            }, tx);
            previous = hash;
        }
    }

    /// <summary>
    /// Verifies the chain link by link, then holds it against every checkpoint: a chain that is sound link by link but
    /// shorter than a checkpoint says, or holds another link where one was checkpointed, lost or rewrote its tail.
    /// </summary>
    public static async Task<ChainVerification> VerifyAsync(Database database, DbConnection connection, CheckpointSigner signer,
        CancellationToken cancellationToken)
    {
        var chain = await WalkAsync(database, connection, cancellationToken);
        var checkpoints = await CheckpointCheck.VerifyAsync(database, connection, signer);
        return chain with { Valid = chain.Valid && checkpoints.FirstBroken is null, Checkpoints = checkpoints };
    }

    private static async Task<ChainVerification> WalkAsync(Database database, DbConnection connection, CancellationToken cancellationToken)
    {
        var previous = EntryHash.Genesis;
        long after = 0, count = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var links = (await connection.QueryAsync<ChainLink>(database.Sql["chain.walk"], new { After = after, Limit = Page })).ToList();
            if (links.Count == 0)
            {
                break;
            }
            var entries = (await LoadAsync(connection, database, [.. links.Select(l => l.EntryId)], null)).ToDictionary(e => e.EntryId);
            foreach (var link in links)
            {
                var broken = Check(link, previous, entries.GetValueOrDefault(link.EntryId));
                if (broken is not null)
                {
                    return new ChainVerification(false, count, previous, broken, []);
                }
                previous = link.EntryHash;
                after = link.Position;
                count++;
            }
        }
        // Entries that never made it into the chain were slipped in around the writer.
        var unchained = (await connection.QueryAsync<long>(database.Sql["chain.unchained"])).ToList();
        var lateBreak = unchained.Count == 0 ? null
            : new BrokenLink(after + 1, unchained[0], "entry not in the chain (written around the ledger's writer, or still being posted)", null, null);
        return new ChainVerification(unchained.Count == 0, count, previous, lateBreak, unchained);
    }

    private static BrokenLink? Check(ChainLink link, string previous, StoredEntry? entry)
    {
        if (link.PreviousHash != previous)
        {
            return new BrokenLink(link.Position, link.EntryId, "previous hash does not match the hash of the link before", previous, link.PreviousHash);
        }
        if (entry is null)
        {
            return new BrokenLink(link.Position, link.EntryId, "entry missing", link.EntryHash, null);
        }
        var recomputed = EntryHash.Compute(previous, entry);
        return recomputed == link.EntryHash
            ? null
            : new BrokenLink(link.Position, link.EntryId, "entry content differs from what was chained", link.EntryHash, recomputed);
    }

    private static async Task<IReadOnlyList<StoredEntry>> LoadAsync(DbConnection connection, Database database, IReadOnlyCollection<long> entryIds, DbTransaction? tx)
    {
        var ids = entryIds.ToArray();
        var lines = (await connection.QueryAsync<EntryLine>(database.Sql["ledger.lines_by_entries"], new { EntryIds = database.List(ids) }, tx))
            .GroupBy(l => l.EntryId)
            .ToDictionary(g => g.Key, g => g.Select(l => new LedgerLine(l.LineNo, l.Account, l.DonorId, l.Currency, l.Debit, l.Credit, l.BaseDebit, l.BaseCredit,
                l.EarmarkKind)).ToList());
        var entries = await connection.QueryAsync<LedgerEntryResponse>(database.Sql["ledger.entries_by_id"], new { EntryIds = database.List(ids) }, tx);
        return [.. entries.OrderBy(e => Array.IndexOf(ids, e.EntryId))
            .Select(e => new StoredEntry(e.EntryId, e.SourceType, e.SourceId, e.FundId, e.ValueDate, e.Description, lines.GetValueOrDefault(e.EntryId) ?? [],
                e.PostingDate, e.Adjustment, e.ProjectId, e.PartnerId, e.BaseCurrency, e.WindowId, e.PledgeId))];
    }

    public static IEndpointRouteBuilder MapLedgerChainApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ledger/verify", async (Database database, CheckpointSigner signer, CancellationToken cancellationToken) =>
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                return TypedResults.Ok(await VerifyAsync(database, connection, signer, cancellationToken));
            })
            .WithTags("Ledger").RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
            .WithName("VerifyLedgerChain")
            .WithSummary("Recompute the ledger's hash chain from the first entry and hold it against every signed checkpoint; names the first broken link or checkpoint (finance, auditor)");
        app.MapGet("/ledger/chain/{position:long}", async (long position, Database database, CancellationToken cancellationToken) =>
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                var link = await connection.QuerySingleOrDefaultAsync<ChainLink>(database.Sql["chain.at"], new { Position = position });
                return link is null
                    ? (IResult)Problems.NotFound("No such link", $"The ledger chain has no link at position {position}.", "position")
                    : TypedResults.Ok(link);
            })
            .WithTags("Ledger").RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
            .WithName("GetLedgerChainLink").WithSummary("One link of the hash chain: what an export's manifest (chain position and hash) is checked against");
        return app;
    }
}
