using System.ComponentModel.DataAnnotations;

namespace TrustFund.Earmarking.Reservations;

public sealed class ReservationOptions
{
    public const string Section = "Reservations";

    /// <summary>How long reserved money stays held when neither consumed nor released; a request may ask for less, never more.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long past its expiry a hold is still kept for a payment Disbursements accepted before that expiry (its consume
    /// may be in a queue, or the clocks differ). Disbursements refuses a payment from the expiry on, so nothing new is
    /// paid in this time; a consume later still is booked late if the money is still free, or refused and shown there.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan ConsumeGrace { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the service looks for expired reservations (on the database server's clock).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ExpiryPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
