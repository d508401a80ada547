using TrustFund.Earmarking.Pools;
using TrustFund.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("earmarking", typeof(Program).Assembly);

var app = builder.Build();
app.MapServiceDefaults();
app.MapPoolsApi();

return await app.RunServiceAsync(args);
