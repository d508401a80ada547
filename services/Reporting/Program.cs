using TrustFund.Hosting;
using TrustFund.Reporting.Exports;
using TrustFund.Reporting.Exports.Iati;
using TrustFund.Reporting.Ledger;
using TrustFund.Reporting.Periods;
using TrustFund.Reporting.Reconciliation;
using TrustFund.Reporting.Statements;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("reporting", typeof(Program).Assembly);
builder.Services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<IatiOptions>().BindConfiguration(IatiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddScoped<IatiExport>();
builder.AddLedgerCheckpoints();
builder.Services.AddHttpClient(ReconciliationApi.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));

var app = builder.Build();
app.MapServiceDefaults();
app.MapLedgerApi();
app.MapLedgerChainApi();
app.MapLedgerCheckpointsApi();
app.MapReconciliationApi();
app.MapPeriodsApi();
app.MapStatementsApi();
app.MapExportsApi();

return await app.RunServiceAsync(args);
