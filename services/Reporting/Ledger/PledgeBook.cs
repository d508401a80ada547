using System.Data.Common;
using Dapper;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

/// <summary>
/// An event of a pledge the ledger has not booked yet: its <see cref="PledgeRecorded"/> travels on another queue and is
/// still on its way. Retried (see <see cref="PledgeBookConsumerDefinition{T}"/>), never dropped.
/// </summary>
public sealed class PledgeNotBookedException(Guid pledgeId) : Exception($"Pledge {pledgeId} is not in the ledger's pledge book yet.");

/// <summary>The ledger's book of pledges: loaded under lock, saved with the entry that changed it.</summary>
public static class PledgeBook
{
    public static async Task<BookedPledge> LockAsync(Database database, DbTransaction tx, Guid pledgeId) =>
        await tx.Connection!.QuerySingleOrDefaultAsync<BookedPledge>(database.Sql["pledge_book.lock"], new { PledgeId = pledgeId }, tx)
        ?? throw new PledgeNotBookedException(pledgeId);

    public static Task SaveAsync(Database database, DbTransaction tx, BookedPledge pledge) =>
        tx.Connection!.ExecuteAsync(database.Sql["pledge_book.save"], pledge, tx);

    public static Task ScheduleAsync(Database database, DbTransaction tx, Guid pledgeId, IReadOnlyList<InstalmentTerms> schedule) =>
        tx.Connection!.ExecuteAsync(database.Sql["pledge_book.schedule"], new
        {
            PledgeId = pledgeId, Nos = database.List(schedule.Select(i => i.No)), DueDates = database.List(schedule.Select(i => i.DueDate)),
            Amounts = database.List(schedule.Select(i => i.Amount)),
        }, tx);

    /// <summary>Posts the entry a change implies and keeps the book in step; a change posted before changes nothing.</summary>
    public static async Task<bool> PostAsync(Database database, DbTransaction tx, JournalEntry? entry, BookedPledge after, Guid messageId)
    {
        if (entry is null || await LedgerWriter.PostAsync(database, tx, entry, messageId) is null)
        {
            return false;
        }
        await SaveAsync(database, tx, after);
        return true;
    }
}
