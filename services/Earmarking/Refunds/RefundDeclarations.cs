using System.Data.Common;
using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Refunds;

public sealed record ConfirmRefundRequest(DateOnly? ValueDate);

public sealed record RejectRefundRequest(string? Reason);

/// <summary>
/// Finance resolves what leads declared, each declaration once: it confirms one when the cash is in the bank (the refund
/// is then credited under the declaration's id, dated as the bank statement shows), or rejects it with a reason. Whoever
/// declared a refund never confirms it.
/// </summary>
public static class RefundDeclarations
{
    public const string Declared = "declared";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";

    public static async Task<IResult> ConfirmAsync(Guid requestId, Guid refundId, ConfirmRefundRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, RefundBook refunds, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.ValueDate is null, "valueDate", "required", "valueDate (the date the bank statement shows the money back, yyyy-MM-dd) is required.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var actor = http.User.SubjectOf()!;
            var target = await refunds.LockAsync(tx, requestId);
            var declaration = target is null ? null : await LockAsync(tx, database, requestId, refundId);
            if (target is null || declaration is null)
            {
                return Problems.NotFound("Unknown refund declaration", $"No refund {refundId} was declared for disbursement {requestId}.", "refundId");
            }
            if (Unresolvable(declaration, actor) is { } refused)
            {
                return refused;
            }
            var amount = Money.Of(declaration.Amount, Currency.FromCode(declaration.Currency.Trim()));
            if (RefundBook.Refusal(target.Reservation, amount, target.Declared - declaration.Amount) is { } tooMuch)
            {
                return tooMuch;
            }
            // Credited first: a refund already recorded under this id (by finance, directly) leaves the declaration open and writes nothing.
            if (await refunds.CreditAsync(tx, target.Reservation, new RefundTerms(refundId, amount, request.ValueDate!.Value, declaration.Reference), actor)
                is not { } credit)
            {
                return Problems.Conflict("Refund already recorded", $"A refund with id {refundId} was recorded directly; this declaration stays open for a rejection.",
                    "refundId", "unique");
            }
            await ResolveAsync(tx, database, declaration, Confirmed, actor, null, clock);
            await audit.RecordAsync(tx, actor, "refund.confirmed", "reservation", requestId.ToString(), new { refundId, declaration.DeclaredBy, request.ValueDate });
            return TypedResults.Created($"/reservations/{requestId}/refunds/{refundId}", RefundBook.Response(credit));
        });
    }

    public static async Task<IResult> RejectAsync(Guid requestId, Guid refundId, RejectRefundRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireText("reason", request.Reason);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var actor = http.User.SubjectOf()!;
            if (await LockAsync(tx, database, requestId, refundId) is not { } declaration)
            {
                return Problems.NotFound("Unknown refund declaration", $"No refund {refundId} was declared for disbursement {requestId}.", "refundId");
            }
            if (Unresolvable(declaration, actor) is { } refused)
            {
                return refused;
            }
            var resolved = await ResolveAsync(tx, database, declaration, Rejected, actor, request.Reason, clock);
            await audit.RecordAsync(tx, actor, "refund.rejected", "reservation", requestId.ToString(), new { refundId, declaration.DeclaredBy, request.Reason });
            return TypedResults.Ok(resolved);
        });
    }

    /// <summary>Declarations in one status (declared by default: the ones finance has to look at), oldest first, a page at a time.</summary>
    public static async Task<IResult> ListAsync(string? status, int? limit, Guid? after, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var size = errors.RequireLimit(limit);
        errors.AddIf(status is not (null or Declared or Confirmed or Rejected), "status", "one-of", "status is declared, confirmed or rejected.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<RefundDeclarationRow>(database.Sql["refund_declarations.list"],
            new { Status = status ?? Declared, AfterId = after, Limit = size + 1 })).ToList();
        return TypedResults.Ok(Paging.Of(rows, size, r => r.RefundId.ToString()));
    }

    private static Task<RefundDeclarationRow?> LockAsync(DbTransaction tx, Database database, Guid requestId, Guid refundId) =>
        tx.Connection!.QuerySingleOrDefaultAsync<RefundDeclarationRow>(database.Sql["refund_declarations.lock"], new { RequestId = requestId, RefundId = refundId }, tx);

    private static IResult? Unresolvable(RefundDeclarationRow declaration, string actor) =>
        declaration.DeclaredBy == actor
            ? Problems.Of(StatusCodes.Status403Forbidden, "Declarer cannot confirm", "Whoever declares a refund never resolves it.", "Authorization", "not-declarer")
            : declaration.Status != Declared
                ? Problems.Conflict("Already resolved", $"Refund {declaration.RefundId} was {declaration.Status} by {declaration.ResolvedBy}.", "refundId", "declared")
                : null;

    private static async Task<RefundDeclarationRow> ResolveAsync(DbTransaction tx, Database database, RefundDeclarationRow declaration,
        string status, string actor, string? reason, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (await tx.Connection!.ExecuteAsync(database.Sql["refund_declarations.resolve"],
                new { declaration.RefundId, Status = status, Actor = actor, Now = now, Reason = reason }, tx) != 1)
        {
            throw new InvalidOperationException($"Refund declaration {declaration.RefundId} was resolved concurrently; the transaction is rolled back.");
        }
        return declaration with { Status = status, ResolvedBy = actor, ResolvedAt = now, ResolutionReason = reason };
    }
}
