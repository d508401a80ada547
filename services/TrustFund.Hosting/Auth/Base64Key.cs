using System.ComponentModel.DataAnnotations;

namespace TrustFund.Hosting.Auth;

/// <summary>A secret key set in configuration as base64 of at least 32 random bytes (an HMAC-SHA256 key).</summary>
public static class Base64Key
{
    public const int MinimumBytes = 32;

    /// <summary>What is wrong with the setting, or null when it is good or empty (an empty one is for [Required] to name).</summary>
    public static ValidationResult? Check(string value, string setting, string member)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            bytes = [];
        }
        return value.Length > 0 && bytes.Length < MinimumBytes
            ? new ValidationResult($"{setting} must be base64 of at least {MinimumBytes} bytes.", [member])
            : null;
    }
}
