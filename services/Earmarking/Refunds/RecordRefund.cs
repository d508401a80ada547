using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;

namespace TrustFund.Earmarking.Refunds;

public sealed record RecordRefundRequest(Guid? RefundId, decimal? Amount, string? Currency, DateOnly? ValueDate, string? Reference);

public sealed record RefundResponse(Guid RefundId, Guid RequestId, decimal Amount, string Currency, DateOnly ValueDate,
    IReadOnlyList<PoolLine> Lines, IReadOnlyList<DonorShare> Attribution);

/// <summary>
/// Finance records unspent money a project returned, once the cash is in the bank: it is credited at once to the pools
/// and donors that paid. A project lead does not record refunds; it declares them (<see cref="DeclareRefund"/>).
/// </summary>
public static class RecordRefund
{
    public static async Task<IResult> HandleAsync(Guid requestId, RecordRefundRequest request, HttpContext http, IdempotentExecutor idempotency, RefundBook refunds)
    {
        var errors = Validate(request, out var amount);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            if (await refunds.LockAsync(tx, requestId) is not { } target)
            {
                return Problems.NotFound("Unknown disbursement", $"No disbursement {requestId} exists.", "requestId");
            }
            if (RefundBook.Refusal(target.Reservation, amount!.Value, target.Declared) is { } refused)
            {
                return refused;
            }
            var credit = await refunds.CreditAsync(tx, target.Reservation,
                new RefundTerms(request.RefundId!.Value, amount.Value, request.ValueDate!.Value, request.Reference!), http.User.SubjectOf()!);
            return credit is null
                ? Problems.Conflict("Refund already recorded", $"A refund with id {request.RefundId} already exists.", "refundId", "unique")
                : TypedResults.Created($"/reservations/{requestId}/refunds/{credit.RefundId}", RefundBook.Response(credit));
        });
    }

    /// <summary>The shape of a refund, recorded by finance or declared by a lead.</summary>
    public static ValidationErrors Validate(RecordRefundRequest request, out Money? amount)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.RefundId is null || request.RefundId == Guid.Empty, "refundId", "required", "refundId (a UUID chosen by the caller) is required.");
        var currency = errors.RequireCurrency("currency", request.Currency);
        errors.RequireAmount("amount", request.Amount, currency);
        errors.AddIf(request.ValueDate is null, "valueDate", "required", "valueDate (the date the money came back, yyyy-MM-dd) is required.");
        errors.RequireText("reference", request.Reference);
        amount = errors.IsEmpty ? Money.Of(request.Amount!.Value, currency!) : null;
        return errors;
    }
}
