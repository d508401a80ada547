using TrustFund.Hosting;
using TrustFund.Reporting.Ledger;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("reporting", typeof(Program).Assembly);

var app = builder.Build();
app.MapServiceDefaults();
app.MapLedgerApi();
app.MapLedgerChainApi();

return await app.RunServiceAsync(args);
