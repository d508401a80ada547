using TrustFund.Disbursements.Requests;

namespace TrustFund.UnitTests.Disbursements;

public sealed class RequestWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A request whose hold runs an hour past <see cref="Now"/>.</summary>
    private static RequestState State(string status, int needed = 1, params string[] approvers) =>
        new(status, "lead-1", 100m, needed, approvers.ToHashSet(StringComparer.Ordinal), Now.AddHours(1));

    [Fact]
    public void Neither_the_requester_nor_an_approver_records_the_payment()
    {
        var approved = State(RequestStatuses.Approved, 2, "manager-1", "manager-2");
        Assert.Equal((403, "not-requester"), (RequestWorkflow.Pay(approved, 100m, Now, "lead-1").Refusal!.Status, RequestWorkflow.Pay(approved, 100m, Now, "lead-1").Refusal!.Rule));
        foreach (var approver in new[] { "manager-1", "manager-2" })
        {
            var refusal = RequestWorkflow.Pay(approved, 100m, Now, approver).Refusal!;
            Assert.Equal((403, "not-approver"), (refusal.Status, refusal.Rule));
        }
        Assert.Null(RequestWorkflow.Pay(approved, 100m, Now, "finance-1").Refusal);
    }

    [Fact]
    public void The_requester_can_never_approve()
    {
        var decision = RequestWorkflow.Approve(State(RequestStatuses.Reserved), "lead-1");
        Assert.Equal((403, "not-requester"), (decision.Refusal!.Status, decision.Refusal.Rule));
    }

    [Fact]
    public void One_approval_is_enough_below_the_threshold() =>
        Assert.Equal(new Decision(To: RequestStatuses.Approved, RecordApproval: true), RequestWorkflow.Approve(State(RequestStatuses.Reserved), "manager-1"));

    [Fact]
    public void Above_the_threshold_two_different_managers_are_needed_and_the_same_one_twice_counts_once()
    {
        var first = RequestWorkflow.Approve(State(RequestStatuses.Reserved, 2), "manager-1");
        Assert.Equal((null, true), (first.To, first.RecordApproval));
        Assert.Equal(Decision.Unchanged, RequestWorkflow.Approve(State(RequestStatuses.Reserved, 2, "manager-1"), "manager-1"));
        Assert.Equal(RequestStatuses.Approved, RequestWorkflow.Approve(State(RequestStatuses.Reserved, 2, "manager-1"), "manager-2").To);
    }

    [Theory]
    [InlineData(RequestStatuses.Submitted)]
    [InlineData(RequestStatuses.Approved)]
    [InlineData(RequestStatuses.Cancelled)]
    [InlineData(RequestStatuses.Expired)]
    public void Only_a_reserved_request_can_be_approved(string status) =>
        Assert.Equal(409, RequestWorkflow.Approve(State(status), "manager-1").Refusal!.Status);

    [Fact]
    public void Rejection_and_cancellation_release_the_reservation()
    {
        Assert.Equal(new Decision(To: RequestStatuses.Rejected, Release: true), RequestWorkflow.Reject(State(RequestStatuses.Reserved)));
        Assert.Equal(new Decision(To: RequestStatuses.Cancelled, Release: true), RequestWorkflow.Cancel(State(RequestStatuses.Reserved, 2, "manager-1"), "lead-1"));
    }

    [Fact]
    public void Only_the_requester_cancels_and_only_before_approval()
    {
        Assert.Equal(403, RequestWorkflow.Cancel(State(RequestStatuses.Reserved), "lead-2").Refusal!.Status);
        Assert.Equal(409, RequestWorkflow.Cancel(State(RequestStatuses.Approved), "lead-1").Refusal!.Status);
    }

    [Theory]
    [InlineData(RequestStatuses.Reserved)]
    [InlineData(RequestStatuses.Rejected)]
    [InlineData(RequestStatuses.Expired)]
    [InlineData(RequestStatuses.Paying)]
    public void Paying_anything_but_an_approved_request_is_a_conflict(string status) =>
        Assert.Equal(409, RequestWorkflow.Pay(State(status), 100m, Now, "finance-1").Refusal!.Status);

    [Fact]
    public void A_payment_must_be_the_approved_amount()
    {
        Assert.Equal((422, "equals-approved"), (RequestWorkflow.Pay(State(RequestStatuses.Approved), 99.99m, Now, "finance-1").Refusal!.Status,
            RequestWorkflow.Pay(State(RequestStatuses.Approved), 99.99m, Now, "finance-1").Refusal!.Rule));
        Assert.Equal(new Decision(To: RequestStatuses.Paying, Consume: true), RequestWorkflow.Pay(State(RequestStatuses.Approved), 100m, Now, "finance-1"));
    }

    [Fact]
    public void A_reservation_that_arrives_after_the_request_was_given_up_is_released_at_once()
    {
        Assert.Equal(new Decision(Release: true), RequestWorkflow.OnReserved(State(RequestStatuses.Cancelled)));
        Assert.Equal(new Decision(Release: true), RequestWorkflow.OnReserved(State(RequestStatuses.Rejected)));
        Assert.Equal(RequestStatuses.Reserved, RequestWorkflow.OnReserved(State(RequestStatuses.Submitted)).To);
        Assert.Equal(Decision.Unchanged, RequestWorkflow.OnReserved(State(RequestStatuses.Approved)));
    }

    [Fact]
    public void Earmarking_answers_move_a_submitted_request_and_nothing_else()
    {
        Assert.Equal(RequestStatuses.RejectedInsufficientFunds, RequestWorkflow.OnReservationRejected(State(RequestStatuses.Submitted), true).To);
        Assert.Equal(RequestStatuses.ReservationRefused, RequestWorkflow.OnReservationRejected(State(RequestStatuses.Submitted), false).To);
        Assert.Equal(Decision.Unchanged, RequestWorkflow.OnReservationRejected(State(RequestStatuses.Cancelled), true));
    }

    [Theory]
    [InlineData(RequestStatuses.Reserved, RequestStatuses.Expired)]
    [InlineData(RequestStatuses.Approved, RequestStatuses.Expired)]
    [InlineData(RequestStatuses.Paying, RequestStatuses.PaymentFailed)]
    [InlineData(RequestStatuses.PaymentFailed, null)]
    [InlineData(RequestStatuses.Paid, null)]
    [InlineData(RequestStatuses.Cancelled, null)]
    public void An_expired_reservation_ends_a_request_not_yet_paid_and_fails_a_payment_made(string from, string? to) =>
        Assert.Equal(to, RequestWorkflow.OnExpired(State(from)).To);

    [Fact]
    public void Only_a_payment_in_progress_becomes_paid()
    {
        Assert.Equal(RequestStatuses.Paid, RequestWorkflow.OnDisbursed(State(RequestStatuses.Paying)).To);
        Assert.Equal(RequestStatuses.Paid, RequestWorkflow.OnDisbursed(State(RequestStatuses.PaymentFailed)).To);
        Assert.Equal(Decision.Unchanged, RequestWorkflow.OnDisbursed(State(RequestStatuses.Expired)));
        Assert.Equal(Decision.Unchanged, RequestWorkflow.OnDisbursed(State(RequestStatuses.PaymentReturned)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_payment_at_or_after_the_holds_expiry_is_refused_naming_the_rule(int minutesAfter)
    {
        var expired = State(RequestStatuses.Approved) with { ReservationExpiresAt = Now.AddMinutes(-minutesAfter) };
        var refusal = RequestWorkflow.Pay(expired, 100m, Now, "finance-1").Refusal!;
        Assert.Equal((409, "reservationExpiresAt", "reservation-expired"), (refusal.Status, refusal.Field, refusal.Rule));
        Assert.Equal("reservation-expired", RequestWorkflow.Pay(expired with { ReservationExpiresAt = null }, 100m, Now, "finance-1").Refusal!.Rule);
        Assert.Null(RequestWorkflow.Pay(expired with { ReservationExpiresAt = Now.AddTicks(1) }, 100m, Now, "finance-1").Refusal);
    }

    [Theory]
    [InlineData(RequestStatuses.Paying, RequestStatuses.PaymentFailed)]
    [InlineData(RequestStatuses.Approved, null)]
    [InlineData(RequestStatuses.Paid, null)]
    [InlineData(RequestStatuses.PaymentReturned, null)]
    public void Any_refused_consume_fails_a_payment_in_progress_and_nothing_else(string from, string? to) =>
        Assert.Equal(to, RequestWorkflow.OnConsumeRefused(State(from)).To);

    [Fact]
    public void A_failed_or_waiting_payment_is_retried_by_consuming_again_and_only_a_failed_one_can_be_returned()
    {
        var again = new Decision(To: RequestStatuses.Paying, Consume: true, BookIfReleased: true);
        Assert.Equal(again, RequestWorkflow.RetryPayment(State(RequestStatuses.PaymentFailed)));
        Assert.Equal(again, RequestWorkflow.RetryPayment(State(RequestStatuses.Paying)));
        Assert.Equal((409, "payment-failed"), (RequestWorkflow.RetryPayment(State(RequestStatuses.PaymentReturned)).Refusal!.Status,
            RequestWorkflow.RetryPayment(State(RequestStatuses.Paid)).Refusal!.Rule));
        Assert.Equal(new Decision(To: RequestStatuses.PaymentReturned), RequestWorkflow.PaymentReturned(State(RequestStatuses.PaymentFailed)));
        Assert.Equal(409, RequestWorkflow.PaymentReturned(State(RequestStatuses.Paying)).Refusal!.Status);
        Assert.Equal(409, RequestWorkflow.PaymentReturned(State(RequestStatuses.Paid)).Refusal!.Status);
    }
}
