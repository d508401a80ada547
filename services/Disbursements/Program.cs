using TrustFund.Disbursements.Funds;
using TrustFund.Disbursements.Requests;
using TrustFund.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("disbursements", typeof(Program).Assembly);
builder.Services.AddSingleton<RequestBook>();

var app = builder.Build();
app.MapServiceDefaults();
app.MapFundsApi();
app.MapRequestsApi();

return await app.RunServiceAsync(args);
