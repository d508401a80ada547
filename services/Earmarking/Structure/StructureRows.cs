using Microsoft.AspNetCore.Http.HttpResults;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Http;

namespace TrustFund.Earmarking.Structure;

public sealed record FundRow(string FundId, string Name, string BaseCurrency, decimal FeeRate, string FinancingModel,
    decimal TwoApproverThreshold, bool InterestToCore, int Version, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public Currency Currency => Currency.FromCode(BaseCurrency);
}

public sealed record WindowRow(string FundId, string WindowId, string Name, string Status, int Version, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    /// <summary>Every fund has this window; unearmarked money belongs to it.</summary>
    public const string Core = "core";
}

public sealed record ProjectRow(string FundId, string ProjectId, string WindowId, string Name, string ProjectLead, string PartnerId,
    string Status, string WindowStatus, decimal Allocation, decimal Reserved, decimal Disbursed, string Currency, int Version,
    DateTimeOffset UpdatedAt, string UpdatedBy)
{
    /// <summary>What can still be reserved under the allocation.</summary>
    public decimal Remaining => Allocation - Reserved - Disbursed;

    /// <summary>New money may flow to the project only while it and its window are open.</summary>
    public bool IsOpen => Status == "open" && WindowStatus == "open";
}

/// <summary>The refusals every structure lookup gives, worded once.</summary>
public static class StructureProblems
{
    public static ProblemHttpResult UnknownFund(string fundId) => Problems.NotFound("Unknown fund", $"No fund '{fundId}' is defined.", "fundId");

    public static ProblemHttpResult UnknownProject(string fundId, string projectId) =>
        Problems.NotFound("Unknown project", $"Fund '{fundId}' has no project '{projectId}'.", "projectId");
}
