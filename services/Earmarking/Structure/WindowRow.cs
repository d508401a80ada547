namespace TrustFund.Earmarking.Structure;

public sealed record WindowRow(string FundId, string WindowId, string Name, string Status, int Version, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    /// <summary>Every fund has this window; unearmarked money belongs to it.</summary>
    public const string Core = "core";
}
