namespace TrustFund.Earmarking.Structure;

public sealed record ProjectRow(string FundId, string ProjectId, string WindowId, string Name, string ProjectLead, string PartnerId,
    string Status, string WindowStatus, decimal Allocation, decimal Reserved, decimal Disbursed, string Currency, int Version,
    DateTimeOffset UpdatedAt, string UpdatedBy)
{
    /// <summary>What can still be reserved under the allocation.</summary>
    public decimal Remaining => Allocation - Reserved - Disbursed;

    /// <summary>New money may flow to the project only while it and its window are open.</summary>
    public bool IsOpen => Status == "open" && WindowStatus == "open";
}
