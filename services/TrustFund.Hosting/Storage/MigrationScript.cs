using System.Security.Cryptography;
using System.Text;

namespace TrustFund.Hosting.Storage;

public sealed record MigrationScript(string Id, string Sql)
{
    /// <summary>SHA-256 of the script with line endings normalised, so a checkout on another OS does not look edited.</summary>
    /// <remarks>Computed from <see cref="Sql"/> each time, so a copy made with <c>with</c> can never carry a stale checksum.</remarks>
    public string Checksum => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n").Trim())));
}
