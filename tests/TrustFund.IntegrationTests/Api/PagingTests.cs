using System.Net;
using TrustFund.Contracts.Messages;
using TrustFund.IntegrationTests.Disbursements;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

/// <summary>
/// Every list that can grow without bound answers a page at a time (<c>limit</c>, <c>after</c>, <c>{items, next}</c>):
/// walked to the end with a small limit it gives every item once, in the list's order; a bad limit or cursor is refused.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PagingTests(SystemFixture system)
{
    private const int Created = 5;
    private const int SmallLimit = 2;

    /// <summary>What a case walks: the list, who reads it, the items it made (in the list's order) and how an item is named.</summary>
    private sealed record Listing(ServiceProcess Service, string Path, string Role, string Subject, IReadOnlyList<string> Made, string Key,
        bool OnlyMade);

    public static TheoryData<string> Lists =>
    [
        "disbursements /requests/mine", "disbursements /requests/awaiting-approval", "disbursements /requests/awaiting-payment",
        "disbursements /requests/stuck", "disbursements /funds", "earmarking /funds", "earmarking /funds/{fundId}/suspense",
        "earmarking /funds/{fundId}/pools", "pledges /donors", "pledges /donors/{donorId}/pledges", "pledges /exchange-rates/NOK/JPY", "reporting /periods",
    ];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Walked_a_small_page_at_a_time_a_list_gives_every_item_once_in_order(string list)
    {
        var listing = await ArrangeAsync(list);

        var walked = new List<string>();
        string? next = null;
        do
        {
            var page = (await system.GetAsync(listing.Service, $"{listing.Path}{Separator(listing.Path)}limit={SmallLimit}{After(next)}", listing.Role,
                listing.Subject)).Expect(HttpStatusCode.OK).Body;
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 0, SmallLimit);
            walked.AddRange(items.Select(i => i.GetProperty(listing.Key).ToString()));
            next = page.GetProperty("next").GetString();
            Assert.True(next is null || items.Count == SmallLimit, "only the last page may be short");
        }
        while (next is not null);

        Assert.Equal(walked.Distinct().Count(), walked.Count);
        Assert.Equal(listing.Made, walked.Where(listing.Made.Contains));
        if (listing.OnlyMade)
        {
            Assert.Equal(listing.Made, walked);
        }
    }

    public static TheoryData<string, string, string> Refusals()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var list in Lists)
        {
            data.Add(list, "limit=0", "limit");
            data.Add(list, "limit=201", "limit");
            data.Add(list, "limit=ten", "limit");
            data.Add(list, "after=Not%20A%20Cursor", "after");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_limit_or_cursor_is_refused_naming_it(string list, string query, string field)
    {
        var (service, path, role) = Target(list, "fund-x");
        var answer = (await system.GetAsync(system[service], $"{path}?{query}", role, subject: "lead-paging")).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(answer.RulesOf(field));
    }

    private static (string Service, string Path, string Role) Target(string list, string fund)
    {
        var (service, path) = (list.Split(' ')[0], list.Split(' ')[1].Replace("{fundId}", fund, StringComparison.Ordinal)
            .Replace("{donorId}", fund, StringComparison.Ordinal));
        var role = path switch
        {
            "/requests/mine" => "project-lead",
            "/requests/awaiting-approval" => "fund-manager",
            _ => "finance",
        };
        return (char.ToUpperInvariant(service[0]) + service[1..], path, role);
    }

    private async Task<Listing> ArrangeAsync(string list)
    {
        var fund = Samples.NewFund()[..17];
        var (service, path, role) = Target(list, fund);
        var process = system[service];
        switch (path)
        {
            case "/funds":
                var funds = new List<string>();
                for (var i = 1; i <= Created; i++)
                {
                    funds.Add(await system.NewFundAsync(fundId: $"{fund}-{i}"));
                }
                await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM fund_copies WHERE fund_id LIKE @prefix", new { prefix = $"{fund}-%" },
                    Created, "Disbursements to learn the funds");
                return new Listing(process, path, role, "test-user", funds, "fundId", false);
            case var _ when path.EndsWith("/suspense", StringComparison.Ordinal):
                await system.NewFundAsync(fundId: fund);
                var suspended = new List<string>();
                for (var i = 1; i <= Created; i++)
                {
                    var id = await system.ContributeAsync(fund, 10m * i, new Earmark { Kind = EarmarkKinds.Window, WindowId = "no-such-window" },
                        valueDate: new DateOnly(2026, 10, i));
                    suspended.Add(id.ToString());
                }
                return new Listing(process, path, role, "test-user", suspended, "contributionId", true);
            case var _ when path.EndsWith("/pools", StringComparison.Ordinal):
                await system.NewFundAsync(fundId: fund);
                string[] donors = ["donor-a", "donor-b", "donor-c", "donor-norway", "donor-sweden"];
                foreach (var donor in donors)
                {
                    await system.ContributeAsync(fund, 100m, donor: donor);
                }
                var pools = (await system.GetAsync(process, $"{path}?limit=200", role)).Expect(HttpStatusCode.OK).Body.GetProperty("items").EnumerateArray()
                    .Where(p => p.GetProperty("poolKind").GetString() == "purpose").ToList();
                Assert.Equal(donors, pools.Select(p => p.GetProperty("donorId").GetString()));
                return new Listing(process, path, role, "test-user", [.. pools.Select(p => p.GetProperty("poolId").ToString())], "poolId", false);
            case "/donors":
                var registered = Enumerable.Range(1, Created).Select(i => $"{fund}-{i}").ToList();
                await system.RegisterDonorsAsync(registered);
                return new Listing(process, path, role, "test-user", registered, "donorId", false);
            case var _ when path.EndsWith("/pledges", StringComparison.Ordinal):
                return await PledgesAsync(process, path, role, donor: fund);
            case var _ when path.StartsWith("/exchange-rates/", StringComparison.Ordinal):
                var rates = new List<string>();
                await system.NewFundAsync(fundId: fund, currency: "JPY");
                await system.WaitUntilPledgesKnowsAsync(fund, windows: 1, projects: 0);
                for (var day = 1; day <= Created; day++)
                {
                    rates.Insert(0, (await system.PostAsync(process, "/exchange-rates", "finance",
                        new { fromCurrency = "NOK", toCurrency = "JPY", rateDate = $"2020-01-0{day}", rate = 14m + day })).Expect(HttpStatusCode.Created)
                        .Body.GetProperty("rateId").ToString()); // newest first
                }
                return new Listing(process, path, role, "test-user", rates, "rateId", false);
            case "/periods":
                var months = Enumerable.Range(1, Created).Select(m => $"1991-0{m}").ToList();
                foreach (var month in months)
                {
                    (await system.PostAsync(process, "/periods/close", "finance", new { kind = "month", period = month })).Expect(HttpStatusCode.OK);
                }
                return new Listing(process, path, role, "test-user", [.. months.Select(m => $"{m}-01")], "start", false);
            default:
                return await RequestsAsync(process, path, role);
        }
    }

    /// <summary>Pledges of a donor of its own, made on days in order.</summary>
    private async Task<Listing> PledgesAsync(ServiceProcess process, string path, string role, string donor)
    {
        await system.RegisterDonorsAsync([donor]);
        var fund = await system.KnownFundAsync();
        var pledges = new List<string>();
        for (var day = 1; day <= Created; day++)
        {
            pledges.Add((await system.PostAsync(process, "/pledges", "finance", new
            {
                donorId = donor, fundId = fund, amount = 100m, currency = "USD", earmark = new { kind = "unearmarked" }, pledgedOn = $"2025-01-0{day}",
                instalments = new[] { new { dueDate = "2027-01-01", amount = 100m } },
            })).Expect(HttpStatusCode.Created).Body.GetProperty("pledgeId").ToString());
        }
        return new Listing(process, path, role, "test-user", pledges, "pledgeId", true);
    }

    /// <summary>Requests of a lead of its own, brought to the state the list shows.</summary>
    private async Task<Listing> RequestsAsync(ServiceProcess process, string path, string role)
    {
        var lead = $"lead-{Guid.NewGuid():N}"[..20];
        var fund = await system.FundWithMoneyAsync(10_000m);
        await system.OpenProjectAsync(fund, "core", "p-paging", 1_000_000m, lead: lead, partner: "partner-1");
        await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM project_copies WHERE fund_id = @fund", new { fund }, 3,
            "Disbursements to learn the project");
        var made = new List<Guid>();
        for (var i = 0; i < Created; i++)
        {
            made.Add(await system.RequestAsync(fund, 10m, project: "p-paging", lead: lead));
        }
        foreach (var id in made.Where(_ => path != "/requests/mine"))
        {
            await system.WaitForStatusAsync(id, "reserved");
            if (path is "/requests/awaiting-payment" or "/requests/stuck")
            {
                (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: FundSetup.Manager))
                    .Expect(HttpStatusCode.OK);
            }
            if (path == "/requests/stuck")
            {
                // The hold is gone before the payment reaches Earmarking: the payment fails and waits for finance.
                await system.ReleaseAsync(id, "released by another caller");
                (await system.PostAsync(system.Disbursements, $"/requests/{id}/pay", "finance",
                    new { valueDate = "2026-11-20", bankReference = $"PAY-{id:N}"[..20], amount = 10m })).Expect(HttpStatusCode.OK);
                await system.WaitForStatusAsync(id, "payment-failed");
            }
        }
        // The approval queue shows a fund manager the requests of its own funds.
        var reader = path == "/requests/awaiting-approval" ? FundSetup.Manager : lead;
        return new Listing(process, path, role, reader, [.. made.Select(m => m.ToString())], "requestId", path == "/requests/mine");
    }

    private static char Separator(string path) => path.Contains('?', StringComparison.Ordinal) ? '&' : '?';

    private static string After(string? next) => next is null ? "" : $"&after={Uri.EscapeDataString(next)}";
}
