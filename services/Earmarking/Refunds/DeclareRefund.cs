using System.Diagnostics;
using Dapper;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Refunds;

public sealed record RefundDeclarationRow(Guid RefundId, Guid RequestId, decimal Amount, string Currency, DateOnly ValueDate, string Reference,
    string DeclaredBy, DateTimeOffset DeclaredAt, string Status, string? ResolvedBy, DateTimeOffset? ResolvedAt, string? ResolutionReason);

/// <summary>
/// A project lead declares money its partner sent back; no pool and no ledger entry moves until finance has seen the
/// cash and confirms it. The lead of the project, or a colleague of the same partner, may declare; another's
/// disbursement is not shown to exist. What is declared and not yet resolved counts against what can still be refunded.
/// </summary>
public static class DeclareRefund
{
    public static async Task<IResult> HandleAsync(Guid requestId, RecordRefundRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, RefundBook refunds, AuditTrail audit, TimeProvider clock)
    {
        var errors = RecordRefund.Validate(request, out var amount);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var actor = http.User.SubjectOf()!;
            var target = await refunds.LockAsync(tx, requestId);
            if (target is null || !IsLeadOf(http, target))
            {
                return Problems.NotFound("Unknown disbursement", $"No disbursement {requestId} exists for you.", "requestId");
            }
            if (RefundBook.Refusal(target.Reservation, amount!.Value, target.Declared) is { } refused)
            {
                return refused;
            }
            var row = new RefundDeclarationRow(request.RefundId!.Value, requestId, amount.Value.Amount, amount.Value.Currency.Code, request.ValueDate!.Value,
                request.Reference!, actor, clock.GetUtcNow(), RefundDeclarations.Declared, null, null, null);
            if (await tx.Connection!.ExecuteAsync(database.Sql["refund_declarations.insert"], new
            {
                row.RefundId, row.RequestId, row.Amount, row.Currency, row.ValueDate, row.Reference, row.DeclaredBy, Now = row.DeclaredAt,
                TraceId = Activity.Current?.TraceId.ToString(),
            }, tx) == 0)
            {
                return Problems.Conflict("Refund already declared", $"A refund with id {request.RefundId} already exists.", "refundId", "unique");
            }
            await audit.RecordAsync(tx, actor, "refund.declared", "reservation", requestId.ToString(), row);
            return TypedResults.Created($"/reservations/{requestId}/refund-declarations/{row.RefundId}", row);
        });
    }

    /// <summary>The project's lead, or a colleague of the partner that runs it.</summary>
    private static bool IsLeadOf(HttpContext http, RefundTarget target) =>
        target.Project.ProjectLead == http.User.SubjectOf()
        || (http.User.PartnerIdOf() is { Length: > 0 } partner && partner == target.Project.PartnerId);
}
