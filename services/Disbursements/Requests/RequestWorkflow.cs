namespace TrustFund.Disbursements.Requests;

public static class RequestStatuses
{
    public const string Submitted = "submitted";
    public const string Reserved = "reserved";
    public const string RejectedInsufficientFunds = "rejected-insufficient-funds";
    public const string ReservationRefused = "reservation-refused";
    public const string Approved = "approved";
    public const string Paying = "paying";
    public const string Paid = "paid";
    public const string PaymentFailed = "payment-failed";
    public const string PaymentReturned = "payment-returned";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";

    /// <summary>Every status, in the order of the workflow.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Submitted, Reserved, RejectedInsufficientFunds, ReservationRefused, Approved, Paying, Paid, PaymentFailed, PaymentReturned, Rejected, Cancelled,
            Expired];
}

/// <summary>What the workflow needs to know of a request to decide a transition.</summary>
public sealed record RequestState(string Status, string RequestedBy, decimal Amount, int ApprovalsNeeded, IReadOnlySet<string> Approvers,
    DateTimeOffset? ReservationExpiresAt = null);

/// <summary>A refusal of a command: the HTTP status, and the field and rule it names.</summary>
public sealed record Refusal(int Status, string Field, string Rule, string Message);

/// <summary>
/// The outcome of a trigger: the new status (null: unchanged), or a refusal; and the effects to carry out in the same
/// transaction: record an approval, ask Earmarking to release or consume the reservation (a retried consume may book a
/// hold already released, from the same lots).
/// </summary>
public sealed record Decision(string? To = null, Refusal? Refusal = null, bool RecordApproval = false, bool Release = false, bool Consume = false,
    bool BookIfReleased = false)
{
    public static Decision Unchanged { get; } = new();

    public static Decision Refuse(int status, string field, string rule, string message) => new(Refusal: new Refusal(status, field, rule, message));
}

/// <summary>
/// The disbursement request as a pure state machine: submitted → reserved (or rejected for lack of funds) →
/// approved by one, or above the fund's threshold two different, fund managers who are not the requester → paying
/// (recorded by finance, neither the requester nor an approver) →
/// paid; rejected or cancelled (before approval) release the reservation; an expired reservation can never be paid.
/// A payment accepted here was made by the bank: if Earmarking cannot book it the request becomes payment-failed, in
/// sight until finance retries the booking or records that the transfer came back (payment-returned); it never becomes
/// expired. Messages from Earmarking that no longer fit the state are ignored, except a reservation that arrives for a
/// request already rejected or cancelled, which is released at once.
/// </summary>
public static class RequestWorkflow
{
    private const int Forbidden = 403;
    private const int Conflict = 409;
    private const int Unprocessable = 422;

    public static Decision Approve(RequestState s, string approver)
    {
        if (approver == s.RequestedBy)
        {
            return Decision.Refuse(Forbidden, "Authorization", "not-requester", "Whoever requests a disbursement never approves it.");
        }
        if (s.Status != RequestStatuses.Reserved)
        {
            return Decision.Refuse(Conflict, "requestId", "reserved", $"Only a request whose funds are reserved can be approved; this one is {s.Status}.");
        }
        if (s.Approvers.Contains(approver))
        {
            return Decision.Unchanged; // the same person approving twice counts once
        }
        return s.Approvers.Count + 1 >= s.ApprovalsNeeded
            ? new Decision(To: RequestStatuses.Approved, RecordApproval: true)
            : new Decision(RecordApproval: true);
    }

    public static Decision Reject(RequestState s) =>
        s.Status is RequestStatuses.Submitted or RequestStatuses.Reserved
            ? new Decision(To: RequestStatuses.Rejected, Release: true)
            : Decision.Refuse(Conflict, "requestId", "pending", $"Only a request waiting for approval can be rejected; this one is {s.Status}.");

    public static Decision Cancel(RequestState s, string actor)
    {
        if (actor != s.RequestedBy)
        {
            return Decision.Refuse(Forbidden, "Authorization", "requester", "Only the requester can cancel a request.");
        }
        return s.Status is RequestStatuses.Submitted or RequestStatuses.Reserved
            ? new Decision(To: RequestStatuses.Cancelled, Release: true)
            : Decision.Refuse(Conflict, "requestId", "before-approval", $"A request can be cancelled only before approval; this one is {s.Status}.");
    }

    /// <param name="now">The server's clock: a hold at or past its expiry may be released by Earmarking any moment, so
    /// the payment is refused before anything is written.</param>
    /// <param name="payer">Who records the payment: never the requester nor one of the approvers.</param>
    public static Decision Pay(RequestState s, decimal amount, DateTimeOffset now, string payer)
    {
        if (payer == s.RequestedBy)
        {
            return Decision.Refuse(Forbidden, "Authorization", "not-requester", "Whoever requests a disbursement never records its payment.");
        }
        if (s.Approvers.Contains(payer))
        {
            return Decision.Refuse(Forbidden, "Authorization", "not-approver", "Whoever approves a disbursement never records its payment.");
        }
        if (s.Status != RequestStatuses.Approved)
        {
            return Decision.Refuse(Conflict, "requestId", "approved", $"Only an approved request can be paid; this one is {s.Status}.");
        }
        if (s.ReservationExpiresAt is not { } expiresAt || expiresAt <= now)
        {
            return Decision.Refuse(Conflict, "reservationExpiresAt", "reservation-expired",
                $"The money held for this request was held until {s.ReservationExpiresAt:O}; a payment is accepted only while it is held. Nothing was recorded.");
        }
        return amount != s.Amount
            ? Decision.Refuse(Unprocessable, "amount", "equals-approved", $"The payment must be the approved amount, {s.Amount}.")
            : new Decision(To: RequestStatuses.Paying, Consume: true);
    }

    public static Decision OnReserved(RequestState s) => s.Status switch
    {
        RequestStatuses.Submitted => new Decision(To: RequestStatuses.Reserved),
        RequestStatuses.Rejected or RequestStatuses.Cancelled => new Decision(Release: true), // it was given up before the money was held
        _ => Decision.Unchanged,
    };

    public static Decision OnReservationRejected(RequestState s, bool lackOfFunds) =>
        s.Status == RequestStatuses.Submitted
            ? new Decision(To: lackOfFunds ? RequestStatuses.RejectedInsufficientFunds : RequestStatuses.ReservationRefused)
            : Decision.Unchanged;

    /// <summary>A hold that expired before its payment was booked: the transfer is made, so the payment failed rather than expired.</summary>
    public static Decision OnExpired(RequestState s) => s.Status switch
    {
        RequestStatuses.Reserved or RequestStatuses.Approved => new Decision(To: RequestStatuses.Expired),
        RequestStatuses.Paying => new Decision(To: RequestStatuses.PaymentFailed),
        _ => Decision.Unchanged,
    };

    /// <summary>Earmarking refused to book the payment, whatever the reason.</summary>
    public static Decision OnConsumeRefused(RequestState s) =>
        s.Status == RequestStatuses.Paying ? new Decision(To: RequestStatuses.PaymentFailed) : Decision.Unchanged;

    public static Decision OnDisbursed(RequestState s) =>
        s.Status is RequestStatuses.Paying or RequestStatuses.Approved or RequestStatuses.PaymentFailed
            ? new Decision(To: RequestStatuses.Paid)
            : Decision.Unchanged;

    /// <summary>Asks Earmarking again to book a payment that failed, or that has waited too long (a consume is idempotent there).</summary>
    public static Decision RetryPayment(RequestState s) =>
        s.Status is RequestStatuses.PaymentFailed or RequestStatuses.Paying
            ? new Decision(To: RequestStatuses.Paying, Consume: true, BookIfReleased: true)
            : Decision.Refuse(Conflict, "requestId", "payment-failed", $"Only a payment that failed or is still being booked can be retried; this one is {s.Status}.");

    /// <summary>The bank transfer of a failed payment came back: nothing is booked and the request is closed.</summary>
    public static Decision PaymentReturned(RequestState s) =>
        s.Status == RequestStatuses.PaymentFailed
            ? new Decision(To: RequestStatuses.PaymentReturned)
            : Decision.Refuse(Conflict, "requestId", "payment-failed", $"Only a failed payment can be recorded as returned; this one is {s.Status}.");
}
