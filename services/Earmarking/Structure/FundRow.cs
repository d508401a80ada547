using TrustFund.Contracts.Amounts;

namespace TrustFund.Earmarking.Structure;

public sealed record FundRow(string FundId, string Name, string BaseCurrency, decimal FeeRate, string FinancingModel,
    decimal TwoApproverThreshold, bool InterestToCore, int Version, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public Currency Currency => Currency.FromCode(BaseCurrency);
}
