using System.Diagnostics;
using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Earmarking.Pools;
using TrustFund.Earmarking.Reservations;
using TrustFund.Earmarking.Structure;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Refunds;

public sealed record RecordRefundRequest(Guid? RefundId, decimal? Amount, string? Currency, DateOnly? ValueDate, string? Reference);

public sealed record RefundResponse(Guid RefundId, Guid RequestId, decimal Amount, string Currency, DateOnly ValueDate,
    IReadOnlyList<PoolLine> Lines, IReadOnlyList<DonorShare> Attribution);

/// <summary>
/// Unspent money a project returns goes back to the pools and donors that paid for it, pro rata to what each
/// line still has out (largest remainder), so a refund never returns more to a donor than the donor paid.
/// </summary>
public static class RecordRefund
{
    public static async Task<IResult> HandleAsync(Guid requestId, RecordRefundRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, ReservationBook book, PoolBook pools, OutboxWriter outbox, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.RefundId is null || request.RefundId == Guid.Empty, "refundId", "required", "refundId (a UUID chosen by the caller) is required.");
        var currency = errors.RequireCurrency("currency", request.Currency);
        errors.RequireAmount("amount", request.Amount, currency);
        errors.AddIf(request.ValueDate is null, "valueDate", "required", "valueDate (the date the money came back, yyyy-MM-dd) is required.");
        errors.RequireText("reference", request.Reference);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var connection = tx.Connection!;
            var actor = http.User.SubjectOf()!;
            await connection.ExecuteScalarAsync<long>(database.Sql["reservations.lock"], new { RequestId = requestId }, tx);
            var row = await connection.QuerySingleOrDefaultAsync<ReservationRow>(database.Sql["reservations.get"], new { RequestId = requestId }, tx);
            var project = row is null ? null
                : await connection.QuerySingleOrDefaultAsync<ProjectRow>(database.Sql["projects.find"], new { row.FundId, row.ProjectId }, tx);
            var isLeadOnly = !http.User.IsInRole(Roles.Finance);
            if (row is null || project is null || (isLeadOnly && project.ProjectLead != actor))
            {
                return Problems.NotFound("Unknown disbursement", $"No disbursement {requestId} exists for you.", "requestId");
            }
            if (row.Status != ReservationStatuses.Consumed)
            {
                return Problems.Conflict("Nothing was paid", $"Reservation {requestId} is {row.Status}; only paid money can be refunded.", "requestId", "paid");
            }
            if (row.Currency != currency!.Code)
            {
                return Problems.Unprocessable("Wrong currency", $"The disbursement was paid in {row.Currency}.", "currency", "same-currency");
            }
            var outstanding = row.Amount - row.Refunded;
            if (request.Amount > outstanding)
            {
                return Problems.Unprocessable("Refund above what is out",
                    $"Only {Money.Normalise(outstanding, row.Currency)} {row.Currency} of this disbursement has not been refunded yet.", "amount", "not-above-paid");
            }

            var lines = await book.LinesAsync(connection, requestId, tx);
            var open = lines.Where(l => l.Amount > l.Refunded).ToList();
            var shares = LargestRemainder.Split(Money.Of(request.Amount!.Value, currency), [.. open.Select(l => l.Amount - l.Refunded)]);
            var parts = open.Zip(shares).Where(x => x.Second.IsPositive).Select(x => (Line: x.First, Share: x.Second.Amount)).ToList();

            if (await connection.ExecuteAsync(database.Sql["refunds.insert"], new
            {
                RefundId = request.RefundId, RequestId = requestId, request.Amount, Currency = currency.Code, request.ValueDate, request.Reference,
                RecordedBy = actor, Now = clock.GetUtcNow(), TraceId = Activity.Current?.TraceId.ToString(),
            }, tx) == 0)
            {
                return Problems.Conflict("Refund already recorded", $"A refund with id {request.RefundId} already exists.", "refundId", "unique");
            }
            await connection.ExecuteScalarAsync<long>(database.Sql["projects.lock"], new { row.FundId, row.ProjectId }, tx);
            await pools.LockLotsAsync(tx, parts.Select(p => p.Line.LotId));
            var byLot = parts.GroupBy(p => p.Line.LotId).Select(g => (LotId: g.Key, Amount: g.Sum(p => p.Share))).ToList();
            var moved = await connection.ExecuteScalarAsync<long>(database.Sql["lots.move"], new
            {
                LotIds = byLot.Select(l => l.LotId).ToArray(),
                Available = byLot.Select(l => l.Amount).ToArray(),
                Reserved = new decimal[byLot.Count],
                Disbursed = byLot.Select(l => -l.Amount).ToArray(),
                TransferredOut = new decimal[byLot.Count],
                Kind = "refund", SourceId = request.RefundId.ToString(), EffectiveOn = request.ValueDate!.Value, Now = clock.GetUtcNow(),
            }, tx);
            var credited = await connection.ExecuteScalarAsync<long>(database.Sql["refunds.credit_lines"], new
            {
                RequestId = requestId, request.RefundId, LineNos = parts.Select(p => p.Line.LineNo).ToArray(), Amounts = parts.Select(p => p.Share).ToArray(),
            }, tx);
            var projectMoved = await connection.ExecuteAsync(database.Sql["projects.move"],
                new { row.FundId, row.ProjectId, Reserved = 0m, Disbursed = -request.Amount.Value }, tx);
            var marked = await connection.ExecuteAsync(database.Sql["reservations.refund"], new { RequestId = requestId, request.Amount }, tx);
            if (moved != byLot.Count || credited != parts.Count || projectMoved != 1 || marked != 1)
            {
                throw new InvalidOperationException($"Refund {request.RefundId}: a guarded update did not apply; the transaction is rolled back.");
            }

            var poolLines = parts.Select(p => p.Line.ToPoolLine(row.Currency) with { Amount = p.Share }).ToList();
            var credit = new RefundCredited
            {
                RefundId = request.RefundId!.Value, RequestId = requestId, FundId = row.FundId, WindowId = row.WindowId!, ProjectId = row.ProjectId,
                PartnerId = row.PartnerId!, Amount = Money.Of(request.Amount.Value, currency).Amount, Currency = currency.Code,
                ValueDate = request.ValueDate.Value, Lines = poolLines, Attribution = Attribution.ByDonor(poolLines), RecordedBy = actor,
            };
            await outbox.EnqueueAsync(tx, credit, ReservationBook.Partition(requestId));
            await audit.RecordAsync(tx, actor, "refund.credited", "reservation", requestId.ToString(), new { request, lines = poolLines });
            return TypedResults.Created($"/reservations/{requestId}/refunds/{request.RefundId}",
                new RefundResponse(credit.RefundId, requestId, credit.Amount, credit.Currency, credit.ValueDate, credit.Lines, credit.Attribution));
        });
    }
}
