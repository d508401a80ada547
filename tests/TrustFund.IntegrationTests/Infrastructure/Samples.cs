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
}
