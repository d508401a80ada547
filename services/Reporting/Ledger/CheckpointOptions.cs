using System.ComponentModel.DataAnnotations;
using TrustFund.Hosting.Auth;

namespace TrustFund.Reporting.Ledger;

/// <summary>
/// The key checkpoints are signed with (<c>Ledger:CheckpointKey</c>, base64 of at least 32 random bytes, kept apart from
/// the token signing key) and how often the service checkpoints the head by itself (<c>Ledger:CheckpointInterval</c>).
/// </summary>
public sealed class CheckpointOptions : IValidatableObject
{
    public const string Section = "Ledger";

    [Required(ErrorMessage = "Ledger:CheckpointKey is required (base64 of at least 32 random bytes).")]
    public string CheckpointKey { get; set; } = "";

    [Range(typeof(TimeSpan), "00:00:00.100", "7.00:00:00", ErrorMessage = "Ledger:CheckpointInterval must be between 100 ms and 7 days.")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);

    public byte[] CheckpointKeyBytes() => Convert.FromBase64String(CheckpointKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Base64Key.Check(CheckpointKey, "Ledger:CheckpointKey", nameof(CheckpointKey)) is { } invalid)
        {
            yield return invalid;
        }
    }
}
