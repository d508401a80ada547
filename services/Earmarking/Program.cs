using TrustFund.Earmarking.Interest;
using TrustFund.Earmarking.Pools;
using TrustFund.Earmarking.Queries;
using TrustFund.Earmarking.Refunds;
using TrustFund.Earmarking.Reservations;
using TrustFund.Earmarking.Structure;
using TrustFund.Earmarking.Suspense;
using TrustFund.Hosting;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Idempotency;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("earmarking", typeof(Program).Assembly);
builder.Services.AddOptions<ReservationOptions>().BindConfiguration(ReservationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<StructureEvents>();
builder.Services.AddSingleton<PoolBook>();
builder.Services.AddSingleton<ReservationBook>();
builder.Services.AddSingleton<RefundBook>();
builder.Services.AddHostedService<ReservationExpiryService>();

var app = builder.Build();
app.MapServiceDefaults();
app.MapStructureApi();
app.MapPoolQueries();
app.MapSuspenseApi();
app.MapReservationsApi();
app.MapRefundsApi();
app.MapPost("/funds/{fundId}/interest", AllocateInterest.HandleAsync).WithTags("Interest")
    .RequireAuthorization(Roles.Finance).RequireIdempotencyKey()
    .WithName("AllocateInterest").WithSummary("Credit a period's interest to the fund's pools (finance)");
app.MapTotals();

return await app.RunServiceAsync(args);
