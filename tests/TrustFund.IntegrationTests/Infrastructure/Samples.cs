using TrustFund.Contracts.Messages;

namespace TrustFund.IntegrationTests.Infrastructure;

/// <summary>Request bodies with unique funds, so tests never see each other's money.</summary>
public static class Samples
{
    public static string NewFund() => $"fund-{Guid.NewGuid():N}"[..20];

    public static Dictionary<string, object?> Contribution(string fundId, decimal amount = 1000.00m, string currency = "USD",
        object? earmark = null, Guid? contributionId = null, string donorId = "donor-norway") => new()
    {
        ["contributionId"] = contributionId ?? Guid.NewGuid(),
        ["donorId"] = donorId,
        ["fundId"] = fundId,
        ["amount"] = amount,
        ["currency"] = currency,
        ["earmark"] = earmark ?? new { kind = "window", windowId = "mercury" },
        ["valueDate"] = "2026-11-01",
    };

    /// <summary>The event Pledges would publish, for tests that publish or enqueue it themselves.</summary>
    public static ContributionReceived Event(string fundId, decimal amount = 1m, Guid? contributionId = null, string currency = "USD",
        Earmark? earmark = null, string donorId = "donor-sweden") => new()
    {
        ContributionId = contributionId ?? Guid.NewGuid(),
        FundId = fundId,
        DonorId = donorId,
        Earmark = earmark ?? Earmark.Unearmarked,
        Amount = amount,
        Currency = currency,
        ValueDate = new DateOnly(2026, 11, 2),
        RecordedAt = DateTimeOffset.UtcNow,
        RecordedBy = "test-finance",
    };
}
