using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrustFund.Reporting.Ledger;

/// <summary>
/// Signs checkpoints with HMAC-SHA256 under the key of <c>Ledger:CheckpointKey</c>, over a readable payload anyone holding
/// the key can recompute. The key id (the first 16 hex digits of the key's SHA-256) says which key signed, without
/// revealing it, so a checkpoint signed under another key is told apart from a forged one.
/// </summary>
public sealed class CheckpointSigner(byte[] key)
{
    public string KeyId { get; } = Convert.ToHexStringLower(SHA256.HashData(key))[..16];

    /// <summary>A checkpoint of the given head, its time cut to the millisecond (what the database keeps of it), not yet numbered.</summary>
    public LedgerCheckpoint Sign(long position, long entryId, string headHash, DateTimeOffset takenAt, string takenBy)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(takenAt.ToUnixTimeMilliseconds());
        var unsigned = new LedgerCheckpoint(0, position, entryId, headHash, at, takenBy, KeyId, "");
        return unsigned with { Signature = Mac(unsigned) };
    }

    /// <summary>Whether this key signed exactly these values (compared in constant time).</summary>
    public bool Verifies(LedgerCheckpoint checkpoint)
    {
        if (checkpoint.KeyId != KeyId || checkpoint.Signature.Length != 64 || !checkpoint.Signature.All(Uri.IsHexDigit))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(checkpoint.Signature), Convert.FromHexString(Mac(checkpoint)));
    }

    public static string Payload(LedgerCheckpoint c) => string.Create(CultureInfo.InvariantCulture,
        $"trustfund-ledger-checkpoint/v1\nposition:{c.Position}\nentry:{c.EntryId}\nhead:{c.HeadHash}\ntaken-at:{c.TakenAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\ntaken-by:{c.TakenBy}\n");

    private string Mac(LedgerCheckpoint c) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Payload(c))));
}
