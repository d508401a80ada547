namespace TrustFund.Reporting.Exports;

/// <summary>
/// What a rendered file says about its own making, the same values the manifest records: the generation time (also
/// the file's internal dates, so the same data at the same time gives the same bytes), who asked, and the ledger chain
/// position and hash the data was read at.
/// </summary>
public sealed record ExportStamp(DateTimeOffset GeneratedAt, string GeneratedBy, long ChainPosition, string ChainHash)
{
    /// <summary>Whole seconds in UTC: what PDF and XLSX dates can hold, so the file and the manifest agree exactly.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
