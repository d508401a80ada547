namespace TrustFund.Earmarking.Reservations;

public static class ReservationStatuses
{
    public const string Reserved = "reserved";
    public const string Rejected = "rejected";
    public const string Released = "released";
    public const string Expired = "expired";
    public const string Consumed = "consumed";
}
