using System.Data.Common;
using System.Diagnostics;
using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Pledges;

public sealed record PledgeRow(Guid PledgeId, string DonorId, string FundId, string EarmarkKind, string? WindowId, string? ProjectId,
    decimal Amount, string Currency, DateOnly PledgedOn, string Kind, Guid? AssessmentId, decimal Paid, decimal Cancelled, decimal WrittenOff,
    int Version, string RecordedBy, DateTimeOffset RecordedAt)
{
    public Earmark Earmark => new() { Kind = EarmarkKind, WindowId = WindowId, ProjectId = ProjectId };

    public decimal Outstanding => Amount - Paid - Cancelled - WrittenOff;
}

public sealed record InstalmentRow(Guid PledgeId, int No, DateOnly DueDate, decimal Amount, decimal Paid, decimal Cancelled, decimal WrittenOff)
{
    public Instalment ToInstalment() => new(No, DueDate, Amount, Paid, Cancelled, WrittenOff);
}

/// <summary>Loads a pledge with its schedule (locked for a change), and saves a new schedule with its totals and history row.</summary>
public sealed class PledgeStore(Database database, TimeProvider clock)
{
    public async Task<(PledgeRow Pledge, IReadOnlyList<Instalment> Schedule)?> LockAsync(DbTransaction tx, Guid pledgeId)
    {
        var connection = tx.Connection!;
        if (await connection.ExecuteScalarAsync<long>(database.Sql["pledges.lock"], new { PledgeId = pledgeId }, tx) == 0)
        {
            return null;
        }
        var pledge = (await FindAsync(connection, pledgeId: pledgeId, tx: tx)).Single();
        return (pledge, await ScheduleAsync(connection, pledgeId, tx));
    }

    public async Task<IReadOnlyList<PledgeRow>> FindAsync(DbConnection connection, Guid? pledgeId = null, string? donorId = null, string? fundId = null,
        DbTransaction? tx = null) =>
        [.. await connection.QueryAsync<PledgeRow>(database.Sql["pledges.find"],
            new { PledgeId = pledgeId, DonorId = donorId, FundId = fundId, FundIds = (object?)null, AfterId = (Guid?)null, Limit = (int?)null }, tx)];

    /// <summary>
    /// A donor's pledges in the order they were made, to the funds <paramref name="fundIds"/> names when given: the
    /// <paramref name="limit"/> after the pledge <paramref name="afterId"/>.
    /// </summary>
    public async Task<IReadOnlyList<PledgeRow>> PageOfDonorAsync(DbConnection connection, string donorId, IReadOnlyList<string>? fundIds, Guid? afterId,
        int limit) =>
        [.. await connection.QueryAsync<PledgeRow>(database.Sql["pledges.find"],
            new { PledgeId = (Guid?)null, DonorId = donorId, FundId = (string?)null, FundIds = fundIds is null ? null : database.List(fundIds), AfterId = afterId, Limit = limit })];

    public async Task<IReadOnlyList<Instalment>> ScheduleAsync(DbConnection connection, Guid pledgeId, DbTransaction? tx = null) =>
        (await SchedulesAsync(connection, [pledgeId], tx)).GetValueOrDefault(pledgeId) ?? [];

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Instalment>>> SchedulesAsync(DbConnection connection, IReadOnlyCollection<Guid> pledgeIds,
        DbTransaction? tx = null) =>
        (await connection.QueryAsync<InstalmentRow>(database.Sql["instalments.find"], new { PledgeIds = database.List(pledgeIds) }, tx))
            .GroupBy(r => r.PledgeId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Instalment>)[.. g.Select(r => r.ToInstalment())]);

    /// <summary>Writes the new schedule and the pledge's totals derived from it (optimistic on the version read), and the history row.</summary>
    /// <returns>false when the pledge changed since it was read.</returns>
    public async Task<bool> SaveAsync(DbTransaction tx, PledgeRow before, IReadOnlyList<Instalment> schedule, string change, string? reason, string actor)
    {
        var connection = tx.Connection!;
        var amount = schedule.Sum(i => i.Amount);
        var saved = await connection.ExecuteAsync(database.Sql["pledges.save"], new
        {
            before.PledgeId, Amount = amount, Paid = schedule.Sum(i => i.Paid), Cancelled = schedule.Sum(i => i.Cancelled),
            WrittenOff = schedule.Sum(i => i.WrittenOff), before.Version,
        }, tx);
        if (saved == 0)
        {
            return false;
        }
        await SaveScheduleAsync(tx, before.PledgeId, schedule);
        await RecordChangeAsync(tx, before.PledgeId, change, before.Amount, amount, DeltaOf(change, before, schedule), reason, actor);
        return true;
    }

    public Task SaveScheduleAsync(DbTransaction tx, Guid pledgeId, IReadOnlyList<Instalment> schedule) =>
        tx.Connection!.ExecuteAsync(database.Sql["instalments.save"], new
        {
            PledgeId = pledgeId,
            Nos = database.List(schedule.Select(i => i.No)),
            DueDates = database.List(schedule.Select(i => i.DueDate)),
            Amounts = database.List(schedule.Select(i => i.Amount)),
            Paid = database.List(schedule.Select(i => i.Paid)),
            Cancelled = database.List(schedule.Select(i => i.Cancelled)),
            WrittenOff = database.List(schedule.Select(i => i.WrittenOff)),
        }, tx);

    public Task RecordChangeAsync(DbTransaction tx, Guid pledgeId, string change, decimal before, decimal after, decimal delta, string? reason, string actor) =>
        tx.Connection!.ExecuteAsync(database.Sql["pledge_changes.insert"], new
        {
            PledgeId = pledgeId, Change = change, AmountBefore = before, AmountAfter = after, Delta = delta, Reason = reason, Actor = actor,
            Now = clock.GetUtcNow(), TraceId = Activity.Current?.TraceId.ToString(),
        }, tx);

    public static IReadOnlyList<InstalmentTerms> Terms(IEnumerable<Instalment> schedule, string currency) =>
        [.. PledgeSchedule.InOrder(schedule).Select(i => new InstalmentTerms { No = i.No, DueDate = i.DueDate, Amount = Money.Normalise(i.Amount, currency) })];

    private static decimal DeltaOf(string change, PledgeRow before, IReadOnlyList<Instalment> after) => change switch
    {
        "paid" => after.Sum(i => i.Paid) - before.Paid,
        "cancelled" => after.Sum(i => i.Cancelled) - before.Cancelled,
        "written-off" => after.Sum(i => i.WrittenOff) - before.WrittenOff,
        _ => after.Sum(i => i.Amount) - before.Amount,
    };
}
