using System.ComponentModel.DataAnnotations;

namespace TrustFund.Disbursements.Requests;

public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>
    /// How long a payment may wait for Earmarking's booking before operators see it among the stuck ones: its transfer is
    /// made, so one that waits longer than a queue normally takes needs a look (and may be retried).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(15);
}
