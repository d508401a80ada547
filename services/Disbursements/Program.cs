using TrustFund.Disbursements.Funds;
using TrustFund.Disbursements.Queries;
using TrustFund.Disbursements.Requests;
using TrustFund.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("disbursements", typeof(Program).Assembly);
builder.Services.AddSingleton<RequestBook>();
builder.Services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section).ValidateDataAnnotations().ValidateOnStart();

var app = builder.Build();
app.MapServiceDefaults();
app.MapFundsApi();
app.MapRequestsApi();
app.MapStuckPaymentsApi();
app.MapTotals();

return await app.RunServiceAsync(args);
