using System.Security.Cryptography;
using System.Text;

namespace TrustFund.Hosting.Storage;

public sealed record MigrationScript(string Id, string Sql)
{
    /// <summary>SHA-256 of the script with line endings normalised, so a checkout on another OS does not look edited.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n").Trim())));
}
