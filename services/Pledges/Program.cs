using TrustFund.Hosting;
using TrustFund.Pledges.Assessments;
using TrustFund.Pledges.Contributions;
using TrustFund.Pledges.Donors;
using TrustFund.Pledges.Pledges;
using TrustFund.Pledges.Queries;
using TrustFund.Pledges.Rates;
using TrustFund.Pledges.Structure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("pledges", typeof(Program).Assembly);
builder.Services.AddSingleton<PledgeStore>();

var app = builder.Build();
app.MapServiceDefaults();
app.MapContributionsApi();
app.MapDonorsApi();
app.MapPledgesApi();
app.MapAssessmentsApi();
app.MapExchangeRatesApi();
app.MapKnownStructureApi();
app.MapTotals();

return await app.RunServiceAsync(args);
