using Microsoft.Extensions.Options;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Requests;

/// <summary>
/// Payments the bank made and Earmarking has not booked: listed for finance and auditors, and resolved by finance
/// either by asking Earmarking again to book it (retry-payment) or by recording that the transfer came back
/// (payment-returned, nothing booked). Both are idempotent commands with a reason, audited like every transition.
/// </summary>
public static class StuckPayments
{
    public static IEndpointRouteBuilder MapStuckPaymentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/requests").WithTags("Disbursement requests");
        group.MapGet("/stuck", ListAsync).RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor)).WithName("StuckPayments")
            .WithSummary("Payments made and not booked: payment-failed, or paying for longer than Payments:StuckAfter; oldest first, a page at a time (finance, auditor)");
        group.MapPost("/{requestId:guid}/retry-payment", (Guid requestId, DecisionRequest request, HttpContext http, IdempotentExecutor idempotency, RequestBook book) =>
                RequestsApi.ReasonedCommandAsync(requestId, request, http, idempotency, book, RequestWorkflow.RetryPayment))
            .RequireAuthorization(Roles.Finance).RequireIdempotencyKey()
            .WithName("RetryPayment").WithSummary("Ask Earmarking again to book a failed or waiting payment, with a reason (finance)");
        group.MapPost("/{requestId:guid}/payment-returned", (Guid requestId, DecisionRequest request, HttpContext http, IdempotentExecutor idempotency, RequestBook book) =>
                RequestsApi.ReasonedCommandAsync(requestId, request, http, idempotency, book, RequestWorkflow.PaymentReturned))
            .RequireAuthorization(Roles.Finance).RequireIdempotencyKey()
            .WithName("PaymentReturned").WithSummary("Record that a failed payment's transfer came back; nothing is booked and the request is closed (finance)");
        return app;
    }

    private static Task<IResult> ListAsync(int? limit, Guid? after, HttpContext http, Database database, RequestBook book, TimeProvider clock,
        IOptions<PaymentOptions> options) =>
        RequestsApi.PageAsync(limit, after, http, database, book,
            _ => Task.FromResult(new RequestFilter(StuckBefore: clock.GetUtcNow() - options.Value.StuckAfter)));
}
