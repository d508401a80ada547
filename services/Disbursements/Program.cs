using TrustFund.Disbursements.Funds;
using TrustFund.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("disbursements", typeof(Program).Assembly);

var app = builder.Build();
app.MapServiceDefaults();
app.MapFundsApi();

return await app.RunServiceAsync(args);
