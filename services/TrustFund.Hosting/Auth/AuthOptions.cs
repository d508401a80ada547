using System.ComponentModel.DataAnnotations;

namespace TrustFund.Hosting.Auth;

/// <summary>
/// Token validation settings. There is deliberately no default signing key: a service without one refuses
/// to start, so nothing that runs in production can accept tokens signed with a key from the repository.
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    [Required(ErrorMessage = "Auth:Issuer is required.")]
    public string Issuer { get; set; } = "";

    [Required(ErrorMessage = "Auth:Audience is required.")]
    public string Audience { get; set; } = "";

    /// <summary>Base64 of at least 32 random bytes (HMAC-SHA256).</summary>
    [Required(ErrorMessage = "Auth:SigningKey is required (base64 of at least 32 random bytes).")]
    public string SigningKey { get; set; } = "";

    public byte[] SigningKeyBytes() => Convert.FromBase64String(SigningKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Base64Key.Check(SigningKey, "Auth:SigningKey", nameof(SigningKey)) is { } invalid)
        {
            yield return invalid;
        }
    }
}
