using System.ComponentModel.DataAnnotations;

namespace TrustFund.Hosting.Messaging;

public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    [Required(ErrorMessage = "RabbitMq:Host is required.")]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public ushort Port { get; set; } = 5672;

    [Required]
    public string VirtualHost { get; set; } = "/";

    [Required(ErrorMessage = "RabbitMq:Username is required.")]
    public string Username { get; set; } = "";

    [Required(ErrorMessage = "RabbitMq:Password is required.")]
    public string Password { get; set; } = "";

    /// <summary>Messages a consumer endpoint handles at once; bounds database connections per service.</summary>
    [Range(1, 256)]
    public int ConcurrentMessageLimit { get; set; } = 8;

    [Range(1, 1024)]
    public ushort PrefetchCount { get; set; } = 16;

    /// <summary>Immediate in-process retries (with growing intervals) before a message goes to the error queue.</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 5;
}
