using System.Globalization;
using System.Security.Cryptography;

namespace TrustFund.Reporting.Exports;

/// <summary>
/// What an export is and what it was built from: enough for an auditor to check the file (its SHA-256) and tie it to
/// the ledger (the fund's entries in the period, and the chain position and hash at the end of the ledger as read).
/// </summary>
public sealed record ExportManifest(
    Guid ExportId, string Statement, string Format, string FundId, DateOnly From, DateOnly To,
    string FileName, string MediaType, long ByteLength, string Sha256, LedgerRange Ledger, DateTimeOffset GeneratedAt, string GeneratedBy,
    string? DonorId = null)
{
    /// <summary>The manifest of a file: its name, length and SHA-256 (lower-case hex), and what it was built from.</summary>
    public static ExportManifest Of(Guid exportId, string statement, ExportFileKind kind, string fundId, string? donorId, DateOnly from, DateOnly to,
        byte[] content, LedgerRange ledger, ExportStamp stamp) =>
        new(exportId, statement, kind.Format, fundId, from, to,
            string.Create(CultureInfo.InvariantCulture, $"{fundId}_{statement}{(donorId is null ? "" : $"_{donorId}")}_{from:yyyy-MM-dd}_{to:yyyy-MM-dd}.{kind.Extension}"),
            kind.MediaType, content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content)), ledger, stamp.GeneratedAt, stamp.GeneratedBy, donorId);
}

/// <summary>What kind of file an export is: its format name, media type and file extension.</summary>
public sealed record ExportFileKind(string Format, string MediaType, string Extension);

/// <summary>
/// The fund's journal entries posted in the period (first and last entry id, how many; none gives nulls and 0) and the
/// ledger chain's last link in the same snapshot: its position and hash (position 0 and the genesis hash when empty).
/// </summary>
public sealed record LedgerRange(long? FirstEntryId, long? LastEntryId, long Entries, long ChainPosition, string ChainHash);

/// <summary>The manifest as a row of the exports table.</summary>
internal sealed record StoredManifest(
    Guid ExportId, string Statement, string Format, string FundId, DateOnly From, DateOnly To, string FileName, string MediaType,
    long ByteLength, string Sha256, long? FirstEntryId, long? LastEntryId, long Entries, long ChainPosition, string ChainHash,
    DateTimeOffset GeneratedAt, string GeneratedBy, string? DonorId)
{
    public ExportManifest ToManifest() => new(ExportId, Statement, Format, FundId, From, To, FileName, MediaType, ByteLength, Sha256,
        new LedgerRange(FirstEntryId, LastEntryId, Entries, ChainPosition, ChainHash), GeneratedAt, GeneratedBy, DonorId);
}

internal sealed record StoredFile(string FileName, string MediaType, string Sha256, byte[] Content, string? DonorId, string FundId);
