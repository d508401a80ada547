namespace TrustFund.Contracts;
