using System.ComponentModel.DataAnnotations;

namespace TrustFund.Hosting.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Run the relay in this process. Off only where another replica or a dedicated process relays.</summary>
    public bool RelayEnabled { get; set; } = true;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>How often an idle relay looks for messages; a commit that wrote messages wakes it at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for the broker's confirm before the batch is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan KeepSent { get; set; } = TimeSpan.FromDays(7);
}
