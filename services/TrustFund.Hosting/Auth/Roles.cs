using System.Security.Claims;

namespace TrustFund.Hosting.Auth;

public static class Roles
{
    public const string Donor = "donor";
    public const string FundManager = "fund-manager";
    public const string ProjectLead = "project-lead";
    public const string Finance = "finance";
    public const string Auditor = "auditor";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Donor, FundManager, ProjectLead, Finance, Auditor], StringComparer.Ordinal);
}

/// <summary>Claims carried by TrustFund tokens besides the standard ones.</summary>
public static class TrustFundClaims
{
    public const string Subject = "sub";
    public const string Role = "role";

    /// <summary>The donor a user with the donor role acts for.</summary>
    public const string DonorId = "donor_id";

    /// <summary>The implementing partner a user with the project-lead role acts for.</summary>
    public const string PartnerId = "partner_id";

    public static string? SubjectOf(this ClaimsPrincipal user) => user.FindFirst(Subject)?.Value;

    public static string? DonorIdOf(this ClaimsPrincipal user) => user.FindFirst(DonorId)?.Value;

    public static string? PartnerIdOf(this ClaimsPrincipal user) => user.FindFirst(PartnerId)?.Value;
}
