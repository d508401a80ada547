using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TrustFund.Hosting.Storage;

public sealed partial record MigrationScript(string Id, string Sql)
{
    /// <summary>SHA-256 of the script with line endings normalised, so a checkout on another OS does not look edited.</summary>
    /// <remarks>Computed from <see cref="Sql"/> each time, so a copy made with <c>with</c> can never carry a stale checksum.</remarks>
    public string Checksum => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n").Trim())));

    /// <summary>
    /// The script cut at lines that hold only <c>GO</c>: SQL Server runs some statements (CREATE TRIGGER, CREATE
    /// PROCEDURE) only first in a batch. A PostgreSQL script has no such line and is one batch. All run in one transaction.
    /// </summary>
    public IReadOnlyList<string> Batches =>
        [.. BatchSeparator().Split(Sql).Where(batch => !string.IsNullOrWhiteSpace(batch))];

    [GeneratedRegex(@"^[ \t]*GO[ \t]*;?[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();
}
