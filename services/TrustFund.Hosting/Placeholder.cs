namespace TrustFund.Hosting;
