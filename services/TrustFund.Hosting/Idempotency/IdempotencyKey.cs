using System.Buffers;

namespace TrustFund.Hosting.Idempotency;

public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxLength = 255;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    /// <summary>1 to 255 characters of letters, digits and <c>- _ . :</c> (a UUID fits).</summary>
    public static bool IsWellFormed(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxLength && !key.AsSpan().ContainsAnyExcept(Allowed);
}
