using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Options;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Earmarking.Pools;
using TrustFund.Earmarking.Structure;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Reservations;

/// <summary>
/// Holds, releases and pays out money for projects, inside the caller's transaction. Locks are always taken in
/// the same order (reservation, project, lots in policy order), every balance change is guarded in its own
/// statement, and a reservation resolves at most once.
/// </summary>
public sealed class ReservationBook(
    Database database, OutboxWriter outbox, PoolBook pools, AuditTrail audit, IOptions<ReservationOptions> options, TimeProvider clock,
    ILogger<ReservationBook> logger)
{
    public static string Partition(Guid requestId) => $"reservation:{requestId}";

    public async Task<ReservationOutcome> ReserveAsync(DbTransaction tx, ReserveFunds command)
    {
        var connection = tx.Connection!;
        var now = clock.GetUtcNow();
        var claimed = await connection.ExecuteAsync(database.Sql["reservations.claim"], new
        {
            command.RequestId, command.FundId, command.ProjectId, command.Amount, command.Currency, command.RequestedBy, Now = now,
            TraceId = Activity.Current?.TraceId.ToString(),
        }, tx);
        if (claimed == 0)
        {
            var first = await GetAsync(connection, command.RequestId, tx);
            if (first.FundId != command.FundId || first.ProjectId != command.ProjectId || first.Amount != command.Amount)
            {
                logger.LogWarning("ReserveFunds {RequestId} repeated with different terms; the first answer stands", command.RequestId);
            }
            await AnswerAgainAsync(tx, first);
            return new ReservationOutcome(first.RequestId, first.Status, first.RejectReason, first.Available);
        }

        // The answer is built from what this transaction just wrote: no reading back while the locks are held.
        var (rejection, held) = await TryReserveAsync(tx, command, now);
        if (rejection is not null)
        {
            await connection.ExecuteAsync(database.Sql["reservations.mark_rejected"], new
            {
                command.RequestId, rejection.WindowId, rejection.PartnerId, rejection.Reason, rejection.Available, rejection.Detail, Now = now,
            }, tx);
            await outbox.EnqueueAsync(tx, new FundsReservationRejected
            {
                RequestId = command.RequestId, FundId = command.FundId, ProjectId = command.ProjectId, Amount = Amounts.Shown(command.Amount, command.Currency),
                Currency = command.Currency, Reason = rejection.Reason, Available = rejection.Available, Detail = rejection.Detail, RejectedAt = now,
            }, Partition(command.RequestId));
        }
        else
        {
            await outbox.EnqueueAsync(tx, held!, Partition(command.RequestId));
        }
        var outcome = rejection is null
            ? new ReservationOutcome(command.RequestId, ReservationStatuses.Reserved, null, null)
            : new ReservationOutcome(command.RequestId, ReservationStatuses.Rejected, rejection.Reason, rejection.Available);
        await audit.RecordAsync(tx, command.RequestedBy, $"reservation.{outcome.Status}", "reservation", command.RequestId.ToString(),
            new { command, outcome.Status, outcome.RejectReason, outcome.Available, held?.Lines });
        return outcome;
    }

    /// <summary>Gives the money back to the lots it came from. Returns false (and answers why) when nothing was held.</summary>
    public async Task<bool> ReleaseAsync(DbTransaction tx, Guid requestId, string outcome, string reason, string actor)
    {
        var held = await LockHeldAsync(tx, requestId, "release");
        if (held is null)
        {
            return false;
        }
        var (row, lines) = held.Value;
        await MoveAsync(tx, row, lines, "release", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            available: +1, reserved: -1, disbursed: 0);
        await ResolveAsync(tx, row, outcome, actor, reason, null, null);
        await outbox.EnqueueAsync(tx, new ReservationReleased
        {
            RequestId = row.RequestId, FundId = row.FundId, ProjectId = row.ProjectId, Amount = Money.Normalise(row.Amount, row.Currency),
            Currency = row.Currency, Outcome = outcome, Reason = reason, ReleasedAt = clock.GetUtcNow(),
        }, Partition(row.RequestId));
        await audit.RecordAsync(tx, actor, $"reservation.{outcome}", "reservation", requestId.ToString(), new { reason, row.Amount });
        logger.LogInformation("Reservation {RequestId} {Outcome}: {Amount} {Currency} back to its pools", requestId, outcome, row.Amount, row.Currency);
        return true;
    }

    /// <summary>
    /// Turns held money into a disbursement and answers with the donor attribution. Disbursements sends this only for a
    /// payment it accepted before the hold's expiry, so a hold still held is paid whatever its expiry says. One released
    /// or expired meanwhile is refused, naming its status, unless finance asks to book it anyway (a retry of a payment the
    /// bank made): then it is booked from the same lots if their money is still free, or refused again. A repeat of a
    /// consumed one gets the first answer again.
    /// </summary>
    public async Task<bool> ConsumeAsync(DbTransaction tx, ConsumeReservation command)
    {
        var row = await LockAsync(tx, command.RequestId, "consume");
        switch (row?.Status)
        {
            case null:
                return false;
            case ReservationStatuses.Consumed:
                await AnswerDisbursedAsync(tx, row, await LinesAsync(tx.Connection!, row.RequestId, tx), row.PaymentValueDate!.Value, row.PaymentReference,
                    row.ResolvedAt!.Value);
                return true;
            case ReservationStatuses.Reserved:
                await BookAsync(tx, row, command, available: 0, reserved: -1);
                return true;
            case ReservationStatuses.Expired or ReservationStatuses.Released when command.BookIfReleased:
                return await BookLateAsync(tx, row, command);
            default:
                await RefuseAsync(tx, row.RequestId, "consume", row.Status, $"Reservation {row.RequestId} is {row.Status}; only a held reservation can be paid.");
                return false;
        }
    }

    /// <summary>Takes the released money again from the lots it was held on; if any of it has gone meanwhile, nothing moves.</summary>
    private async Task<bool> BookLateAsync(DbTransaction tx, ReservationRow row, ConsumeReservation command)
    {
        await tx.SaveAsync("book_late");
        try
        {
            await BookAsync(tx, row, command, available: -1, reserved: 0);
            await tx.ReleaseAsync("book_late");
            logger.LogWarning("Reservation {RequestId} was {Status} when its payment arrived; booked from the same lots", row.RequestId, row.Status);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or DbException)
        {
            // A guard that did not apply, or a check constraint (the project's allocation) the move would break.
            await tx.RollbackAsync("book_late");
            await RefuseAsync(tx, row.RequestId, "consume", row.Status,
                $"Reservation {row.RequestId} was {row.Status} before the payment arrived and its lots no longer hold the money; the payment is not booked.");
            return false;
        }
    }

    /// <summary>Moves the reservation's lines to disbursed (from reserved, or from available for a late booking) and answers.</summary>
    private async Task BookAsync(DbTransaction tx, ReservationRow row, ConsumeReservation command, int available, int reserved)
    {
        var lines = await LockLinesAsync(tx, row);
        await MoveAsync(tx, row, lines, "disbursement", command.ValueDate, available, reserved, disbursed: +1);
        await ResolveAsync(tx, row, ReservationStatuses.Consumed, command.ConsumedBy, reserved == 0 ? $"paid after it was {row.Status}" : "paid",
            command.ValueDate, command.PaymentReference);
        await AnswerDisbursedAsync(tx, row, lines, command.ValueDate, command.PaymentReference, clock.GetUtcNow());
        await audit.RecordAsync(tx, command.ConsumedBy, "reservation.consumed", "reservation", row.RequestId.ToString(),
            new { command, from = row.Status });
    }

    private Task AnswerDisbursedAsync(DbTransaction tx, ReservationRow row, IReadOnlyList<ReservationLineRow> lines, DateOnly valueDate,
        string? paymentReference, DateTimeOffset disbursedAt)
    {
        var poolLines = lines.Select(l => l.ToPoolLine(row.Currency)).ToList();
        return outbox.EnqueueAsync(tx, new FundsDisbursed
        {
            RequestId = row.RequestId, FundId = row.FundId, WindowId = row.WindowId!, ProjectId = row.ProjectId, PartnerId = row.PartnerId!,
            Amount = Money.Normalise(row.Amount, row.Currency), Currency = row.Currency, ValueDate = valueDate,
            PaymentReference = paymentReference, Lines = poolLines, Attribution = Attribution.ByDonor(poolLines), DisbursedAt = disbursedAt,
        }, Partition(row.RequestId));
    }

    public Task<ReservationRow> GetAsync(DbConnection connection, Guid requestId, DbTransaction? tx = null) =>
        connection.QuerySingleAsync<ReservationRow>(database.Sql["reservations.get"], new { RequestId = requestId }, tx);

    public async Task<IReadOnlyList<ReservationLineRow>> LinesAsync(DbConnection connection, Guid requestId, DbTransaction? tx = null) =>
        [.. await connection.QueryAsync<ReservationLineRow>(database.Sql["reservation_lines.by_request"], new { RequestId = requestId }, tx)];

    private sealed record Rejection(string Reason, decimal Available, string Detail, string? WindowId = null, string? PartnerId = null);

    private async Task<(Rejection? Rejection, FundsReserved? Held)> TryReserveAsync(DbTransaction tx, ReserveFunds command, DateTimeOffset now)
    {
        var connection = tx.Connection!;
        if (!Currency.TryFromCode(command.Currency, out var currency) || !Money.TryOf(command.Amount, currency, out var amount, out _) || !amount.IsPositive)
        {
            return (new Rejection(ReservationRejections.InvalidAmount, 0m, $"{command.Amount} {command.Currency} is not a positive amount in an ISO 4217 currency."), null);
        }
        await connection.ExecuteScalarAsync<long>(database.Sql["projects.lock"], new { command.FundId, command.ProjectId }, tx);
        var project = await connection.QuerySingleOrDefaultAsync<ProjectRow>(database.Sql["projects.find"], new { command.FundId, command.ProjectId }, tx);
        if (project is null)
        {
            return (new Rejection(ReservationRejections.UnknownProject, 0m, $"Fund '{command.FundId}' has no project '{command.ProjectId}'."), null);
        }
        if (project.Currency != currency.Code)
        {
            return (new Rejection(ReservationRejections.CurrencyMismatch, 0m, $"Fund '{command.FundId}' reserves in {project.Currency}, not {currency.Code}.",
                project.WindowId, project.PartnerId), null);
        }
        if (!project.IsOpen)
        {
            return (new Rejection(ReservationRejections.ProjectClosed, 0m,
                project.Status == StructureStatuses.Open ? $"Window '{project.WindowId}' is closed." : $"Project '{project.ProjectId}' is closed.",
                project.WindowId, project.PartnerId), null);
        }

        var candidates = (await connection.QueryAsync<CandidateLot>(database.Sql["lots.candidates"],
            new { command.FundId, command.ProjectId, project.WindowId, Currency = currency.Code }, tx)).ToDictionary(l => l.LotId);
        var plan = ReservationPolicy.Plan(project.WindowId, project.ProjectId, amount.Amount, candidates.Values);
        var available = Money.Normalise(Math.Min(plan.Available, project.Remaining), currency.Code);
        if (project.Remaining < amount.Amount)
        {
            return (new Rejection(ReservationRejections.AllocationExceeded, available,
                $"Project '{project.ProjectId}' has {Money.Normalise(project.Remaining, currency.Code)} {currency.Code} of its allocation left.",
                project.WindowId, project.PartnerId), null);
        }
        if (!plan.Funded)
        {
            return (new Rejection(ReservationRejections.InsufficientFunds, available,
                $"The pools that may pay for project '{project.ProjectId}' hold {available} {currency.Code}.", project.WindowId, project.PartnerId), null);
        }

        var moved = await connection.ExecuteScalarAsync<long>(database.Sql["lots.move"], new
        {
            LotIds = database.List(plan.Lines.Select(l => l.LotId)),
            Available = database.List(plan.Lines.Select(l => -l.Amount)),
            Reserved = database.List(plan.Lines.Select(l => l.Amount)),
            Disbursed = database.List(new decimal[plan.Lines.Count]),
            TransferredOut = database.List(new decimal[plan.Lines.Count]),
            Kind = "reservation", SourceId = command.RequestId.ToString(), EffectiveOn = DateOnly.FromDateTime(now.UtcDateTime), Now = now,
        }, tx);
        EnsureAll(moved, plan.Lines.Count, command.RequestId);
        EnsureAll(await MoveProjectAsync(tx, project.FundId, project.ProjectId, amount.Amount, 0m), 1, command.RequestId);
        await connection.ExecuteAsync(database.Sql["reservation_lines.insert"], new
        {
            command.RequestId,
            LotIds = database.List(plan.Lines.Select(l => l.LotId)),
            PoolIds = database.List(plan.Lines.Select(l => l.PoolId)),
            DonorIds = database.List(plan.Lines.Select(l => l.DonorId)),
            Amounts = database.List(plan.Lines.Select(l => l.Amount)),
        }, tx);
        var holdUntil = now + options.Value.HoldFor;
        var expiresAt = command.ExpiresAt is { } asked && asked < holdUntil ? asked : holdUntil;
        await connection.ExecuteAsync(database.Sql["reservations.mark_reserved"],
            new { command.RequestId, project.WindowId, project.PartnerId, ExpiresAt = expiresAt }, tx);
        return (null, new FundsReserved
        {
            RequestId = command.RequestId, FundId = command.FundId, WindowId = project.WindowId, ProjectId = project.ProjectId,
            Amount = amount.Amount, Currency = currency.Code, ExpiresAt = expiresAt, ReservedAt = now,
            Lines = [.. plan.Lines.Select(l => candidates[l.LotId]).Zip(plan.Lines, (lot, line) => new PoolLine
            {
                PoolId = line.PoolId, DonorId = line.DonorId, EarmarkKind = PoolTargets.EarmarkKindOf(lot.WindowId, lot.ProjectId),
                WindowId = lot.WindowId, ProjectId = lot.ProjectId.Length == 0 ? null : lot.ProjectId, Amount = Money.Normalise(line.Amount, currency.Code),
            })],
        });
    }

    private async Task<(ReservationRow Row, IReadOnlyList<ReservationLineRow> Lines)?> LockHeldAsync(DbTransaction tx, Guid requestId, string command)
    {
        var row = await LockAsync(tx, requestId, command);
        if (row is null)
        {
            return null;
        }
        if (row.Status != ReservationStatuses.Reserved)
        {
            await RefuseAsync(tx, requestId, command, row.Status, $"Reservation {requestId} is {row.Status}; only a held reservation can be released.");
            return null;
        }
        return (row, await LockLinesAsync(tx, row));
    }

    /// <summary>The reservation under its row lock, or null (and the command refused) when there is none.</summary>
    private async Task<ReservationRow?> LockAsync(DbTransaction tx, Guid requestId, string command)
    {
        var connection = tx.Connection!;
        if (await connection.ExecuteScalarAsync<long>(database.Sql["reservations.lock"], new { RequestId = requestId }, tx) == 0)
        {
            await RefuseAsync(tx, requestId, command, "unknown", $"No reservation {requestId} exists.");
            return null;
        }
        return await GetAsync(connection, requestId, tx);
    }

    /// <summary>Locks the project and then the lots the reservation's lines are on, in the book's order.</summary>
    private async Task<IReadOnlyList<ReservationLineRow>> LockLinesAsync(DbTransaction tx, ReservationRow row)
    {
        await tx.Connection!.ExecuteScalarAsync<long>(database.Sql["projects.lock"], new { row.FundId, row.ProjectId }, tx);
        var lines = await LinesAsync(tx.Connection!, row.RequestId, tx);
        await pools.LockLotsAsync(tx, lines.Select(l => l.LotId));
        return lines;
    }

    /// <summary>Moves each line's amount between lot columns (signs given per column) and the project's figures alike.</summary>
    private async Task MoveAsync(DbTransaction tx, ReservationRow row, IReadOnlyList<ReservationLineRow> lines, string kind, DateOnly effectiveOn,
        int available, int reserved, int disbursed)
    {
        var byLot = lines.GroupBy(l => l.LotId).Select(g => (LotId: g.Key, Amount: g.Sum(l => l.Amount))).ToList();
        var moved = await tx.Connection!.ExecuteScalarAsync<long>(database.Sql["lots.move"], new
        {
            LotIds = database.List(byLot.Select(l => l.LotId)),
            Available = database.List(byLot.Select(l => available * l.Amount)),
            Reserved = database.List(byLot.Select(l => reserved * l.Amount)),
            Disbursed = database.List(byLot.Select(l => disbursed * l.Amount)),
            TransferredOut = database.List(new decimal[byLot.Count]),
            Kind = kind, SourceId = row.RequestId.ToString(), EffectiveOn = effectiveOn, Now = clock.GetUtcNow(),
        }, tx);
        EnsureAll(moved, byLot.Count, row.RequestId);
        EnsureAll(await MoveProjectAsync(tx, row.FundId, row.ProjectId, reserved * row.Amount, disbursed * row.Amount), 1, row.RequestId);
    }

    private Task<int> MoveProjectAsync(DbTransaction tx, string fundId, string projectId, decimal reserved, decimal disbursed) =>
        tx.Connection!.ExecuteAsync(database.Sql["projects.move"],
            new { FundId = fundId, ProjectId = projectId, Reserved = reserved, Disbursed = disbursed }, tx);

    private async Task ResolveAsync(DbTransaction tx, ReservationRow row, string status, string actor, string reason, DateOnly? valueDate, string? paymentReference)
    {
        var resolved = await tx.Connection!.ExecuteAsync(database.Sql["reservations.resolve"], new
        {
            row.RequestId, From = row.Status, Status = status, Now = clock.GetUtcNow(), Actor = actor, Reason = reason, ValueDate = valueDate, PaymentReference = paymentReference,
        }, tx);
        EnsureAll(resolved, 1, row.RequestId);
    }

    private Task RefuseAsync(DbTransaction tx, Guid requestId, string command, string status, string detail)
    {
        logger.LogWarning("{Command} of reservation {RequestId} refused: {Detail}", command, requestId, detail);
        return outbox.EnqueueAsync(tx, new ReservationCommandRejected
        {
            RequestId = requestId, Command = command, Status = status, Detail = detail, RejectedAt = clock.GetUtcNow(),
        }, Partition(requestId));
    }

    /// <summary>Publishes the reservation's answer: the held lines, or the rejection with what was available.</summary>
    private async Task AnswerAgainAsync(DbTransaction tx, ReservationRow row)
    {
        if (row.Status == ReservationStatuses.Rejected)
        {
            await outbox.EnqueueAsync(tx, new FundsReservationRejected
            {
                RequestId = row.RequestId, FundId = row.FundId, ProjectId = row.ProjectId, Amount = Amounts.Shown(row.Amount, row.Currency), Currency = row.Currency,
                Reason = row.RejectReason!, Available = row.Available is { } available ? Amounts.Shown(available, row.Currency) : 0m, Detail = row.Detail ?? "", RejectedAt = row.ResolvedAt ?? row.RequestedAt,
            }, Partition(row.RequestId));
            return;
        }
        var lines = await LinesAsync(tx.Connection!, row.RequestId, tx);
        await outbox.EnqueueAsync(tx, new FundsReserved
        {
            RequestId = row.RequestId, FundId = row.FundId, WindowId = row.WindowId!, ProjectId = row.ProjectId,
            Amount = Money.Normalise(row.Amount, row.Currency), Currency = row.Currency,
            Lines = [.. lines.Select(l => l.ToPoolLine(row.Currency))], ExpiresAt = row.ExpiresAt!.Value, ReservedAt = row.RequestedAt,
        }, Partition(row.RequestId));
    }

    /// <summary>A guarded statement that changed fewer rows than planned means the books moved under us: undo everything.</summary>
    private static void EnsureAll(long changed, long expected, Guid requestId)
    {
        if (changed != expected)
        {
            throw new InvalidOperationException($"Reservation {requestId}: {changed} of {expected} guarded updates applied; the transaction is rolled back.");
        }
    }
}
