using TrustFund.Disbursements.Funds;
using TrustFund.Disbursements.Queries;
using TrustFund.Disbursements.Requests;
using TrustFund.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("disbursements", typeof(Program).Assembly);
builder.Services.AddSingleton<RequestBook>();

var app = builder.Build();
app.MapServiceDefaults();
app.MapFundsApi();
app.MapRequestsApi();
app.MapTotals();

return await app.RunServiceAsync(args);
