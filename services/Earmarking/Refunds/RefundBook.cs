using System.Data.Common;
using System.Diagnostics;
using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Earmarking.Pools;
using TrustFund.Earmarking.Reservations;
using TrustFund.Earmarking.Structure;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Refunds;

/// <summary>What a refund returns: its id (chosen by the caller), amount, date the cash came back and reference.</summary>
public sealed record RefundTerms(Guid RefundId, Money Amount, DateOnly ValueDate, string Reference);

/// <summary>A paid disbursement, locked for a refund, with its project.</summary>
public sealed record RefundTarget(ReservationRow Reservation, ProjectRow Project, decimal Declared);

/// <summary>
/// Crediting a refund: the money goes back to the pools and donors that paid for it, pro rata to what each line still
/// has out (largest remainder), so a refund never returns more to a donor than the donor paid. Used by finance when it
/// records a refund, and when it confirms one a project lead declared; nothing else moves refunded money.
/// </summary>
public sealed class RefundBook(Database database, ReservationBook book, PoolBook pools, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The disbursement locked against concurrent refunds, with its project and what leads declared and finance has not resolved.</summary>
    public async Task<RefundTarget?> LockAsync(DbTransaction tx, Guid requestId)
    {
        var connection = tx.Connection!;
        await connection.ExecuteScalarAsync<long>(database.Sql["reservations.lock"], new { RequestId = requestId }, tx);
        var row = await connection.QuerySingleOrDefaultAsync<ReservationRow>(database.Sql["reservations.get"], new { RequestId = requestId }, tx);
        var project = row is null ? null
            : await connection.QuerySingleOrDefaultAsync<ProjectRow>(database.Sql["projects.find"], new { row.FundId, row.ProjectId }, tx);
        return row is null || project is null ? null
            : new RefundTarget(row, project, await connection.ExecuteScalarAsync<decimal>(database.Sql["refund_declarations.pending_sum"], new { RequestId = requestId }, tx));
    }

    /// <summary>
    /// Why a refund of <paramref name="amount"/> cannot come back on this disbursement, or null: only paid money, in its
    /// currency, up to what is still out less what leads have declared (<paramref name="declaredBesides"/>).
    /// </summary>
    public static IResult? Refusal(ReservationRow row, Money amount, decimal declaredBesides)
    {
        if (row.Status != ReservationStatuses.Consumed)
        {
            return Problems.Conflict("Nothing was paid", $"Reservation {row.RequestId} is {row.Status}; only paid money can be refunded.", "requestId", "paid");
        }
        if (row.Currency != amount.Currency.Code)
        {
            return Problems.Unprocessable("Wrong currency", $"The disbursement was paid in {row.Currency}.", "currency", "same-currency");
        }
        var outstanding = row.Amount - row.Refunded - declaredBesides;
        return amount.Amount > outstanding
            ? Problems.Unprocessable("Refund above what is out",
                $"Only {Money.Normalise(Math.Max(outstanding, 0m), row.Currency)} {row.Currency} of this disbursement is neither refunded nor declared as refunded yet.",
                "amount", "not-above-paid")
            : null;
    }

    /// <summary>Credits the refund in the caller's transaction and publishes it; null when a refund with its id exists already.</summary>
    public async Task<RefundCredited?> CreditAsync(DbTransaction tx, ReservationRow row, RefundTerms terms, string actor)
    {
        var connection = tx.Connection!;
        var lines = await book.LinesAsync(connection, row.RequestId, tx);
        var open = lines.Where(l => l.Amount > l.Refunded).ToList();
        var shares = LargestRemainder.Split(terms.Amount, [.. open.Select(l => l.Amount - l.Refunded)]);
        var parts = open.Zip(shares).Where(x => x.Second.IsPositive).Select(x => (Line: x.First, Share: x.Second.Amount)).ToList();

        if (await connection.ExecuteAsync(database.Sql["refunds.insert"], new
        {
            terms.RefundId, row.RequestId, terms.Amount.Amount, Currency = terms.Amount.Currency.Code, terms.ValueDate, terms.Reference,
            RecordedBy = actor, Now = clock.GetUtcNow(), TraceId = Activity.Current?.TraceId.ToString(),
        }, tx) == 0)
        {
            return null;
        }
        await connection.ExecuteScalarAsync<long>(database.Sql["projects.lock"], new { row.FundId, row.ProjectId }, tx);
        await pools.LockLotsAsync(tx, parts.Select(p => p.Line.LotId));
        var byLot = parts.GroupBy(p => p.Line.LotId).Select(g => (LotId: g.Key, Amount: g.Sum(p => p.Share))).ToList();
        var moved = await connection.ExecuteScalarAsync<long>(database.Sql["lots.move"], new
        {
            LotIds = database.List(byLot.Select(l => l.LotId)),
            Available = database.List(byLot.Select(l => l.Amount)),
            Reserved = database.List(new decimal[byLot.Count]),
            Disbursed = database.List(byLot.Select(l => -l.Amount)),
            TransferredOut = database.List(new decimal[byLot.Count]),
            Kind = "refund", SourceId = terms.RefundId.ToString(), EffectiveOn = terms.ValueDate, Now = clock.GetUtcNow(),
        }, tx);
        var credited = await connection.ExecuteScalarAsync<long>(database.Sql["refunds.credit_lines"], new
        {
            row.RequestId, terms.RefundId, LineNos = database.List(parts.Select(p => p.Line.LineNo)), Amounts = database.List(parts.Select(p => p.Share)),
        }, tx);
        var projectMoved = await connection.ExecuteAsync(database.Sql["projects.move"],
            new { row.FundId, row.ProjectId, Reserved = 0m, Disbursed = -terms.Amount.Amount }, tx);
        var marked = await connection.ExecuteAsync(database.Sql["reservations.refund"], new { row.RequestId, terms.Amount.Amount }, tx);
        if (moved != byLot.Count || credited != parts.Count || projectMoved != 1 || marked != 1)
        {
            throw new InvalidOperationException($"Refund {terms.RefundId}: a guarded update did not apply; the transaction is rolled back.");
        }

        var poolLines = parts.Select(p => p.Line.ToPoolLine(row.Currency) with { Amount = p.Share }).ToList();
        var credit = new RefundCredited
        {
            RefundId = terms.RefundId, RequestId = row.RequestId, FundId = row.FundId, WindowId = row.WindowId!, ProjectId = row.ProjectId,
            PartnerId = row.PartnerId!, Amount = terms.Amount.Amount, Currency = terms.Amount.Currency.Code,
            ValueDate = terms.ValueDate, Lines = poolLines, Attribution = Attribution.ByDonor(poolLines), RecordedBy = actor,
        };
        await outbox.EnqueueAsync(tx, credit, ReservationBook.Partition(row.RequestId));
        await audit.RecordAsync(tx, actor, "refund.credited", "reservation", row.RequestId.ToString(), new { terms.RefundId, terms.Reference, credit.Amount, lines = poolLines });
        return credit;
    }

    public static RefundResponse Response(RefundCredited c) => new(c.RefundId, c.RequestId, c.Amount, c.Currency, c.ValueDate, c.Lines, c.Attribution);
}
