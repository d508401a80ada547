using TrustFund.Hosting;
using TrustFund.Pledges.Contributions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("pledges", typeof(Program).Assembly);

var app = builder.Build();
app.MapServiceDefaults();
app.MapContributionsApi();

return await app.RunServiceAsync(args);
