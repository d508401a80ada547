namespace TrustFund.Pledges.Structure;

public sealed record KnownFund(string FundId, string Name, string BaseCurrency, string FinancingModel, int Version);
