using TrustFund.Contracts.Messages;

namespace TrustFund.Earmarking.Reservations;

/// <summary>What a <see cref="ReserveFunds"/> came to: reserved, or rejected with the reason and what was available.</summary>
public sealed record ReservationOutcome(Guid RequestId, string Status, string? RejectReason, decimal? Available);
