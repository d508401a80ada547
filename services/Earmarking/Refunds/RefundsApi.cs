using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Idempotency;

namespace TrustFund.Earmarking.Refunds;

public static class RefundsApi
{
    public static IEndpointRouteBuilder MapRefundsApi(this IEndpointRouteBuilder app)
    {
        var refunds = app.MapGroup("").WithTags("Refunds");
        refunds.MapPost("/reservations/{requestId:guid}/refunds", RecordRefund.HandleAsync)
            .RequireAuthorization(Roles.Finance).RequireIdempotencyKey()
            .WithName("RecordRefund").WithSummary("Credit unspent money, once in the bank, back to the pools and donors that paid (finance)");
        refunds.MapPost("/reservations/{requestId:guid}/refund-declarations", DeclareRefund.HandleAsync)
            .RequireAuthorization(Roles.ProjectLead).RequireIdempotencyKey()
            .WithName("DeclareRefund").WithSummary("Declare money the project sent back; nothing moves until finance confirms it (the project's lead or partner)");
        refunds.MapPost("/reservations/{requestId:guid}/refund-declarations/{refundId:guid}/confirm", RefundDeclarations.ConfirmAsync)
            .RequireAuthorization(Roles.Finance).RequireIdempotencyKey()
            .WithName("ConfirmRefund").WithSummary("Confirm a declared refund once the cash is in the bank: it is credited (finance, not the declarer)");
        refunds.MapPost("/reservations/{requestId:guid}/refund-declarations/{refundId:guid}/reject", RefundDeclarations.RejectAsync)
            .RequireAuthorization(Roles.Finance).RequireIdempotencyKey()
            .WithName("RejectRefund").WithSummary("Reject a declared refund with a reason; nothing moves (finance, not the declarer)");
        refunds.MapGet("/refund-declarations", RefundDeclarations.ListAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
            .WithName("ListRefundDeclarations").WithSummary("Declared refunds by status (declared by default), oldest first, paged with limit and after");
        return app;
    }
}
