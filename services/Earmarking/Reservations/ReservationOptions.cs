using System.ComponentModel.DataAnnotations;

namespace TrustFund.Earmarking.Reservations;

public sealed class ReservationOptions
{
    public const string Section = "Reservations";

    /// <summary>How long reserved money stays held when neither consumed nor released; a request may ask for less, never more.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the service looks for expired reservations (on the database server's clock).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ExpiryPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
