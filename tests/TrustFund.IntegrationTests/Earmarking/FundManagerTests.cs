using System.Net;
using Dapper;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Earmarking;

/// <summary>Fund managers are assigned to funds (audited, copied to every service) and act only on those; the approval rule needs two.</summary>
[Collection(SystemCollection.Name)]
public sealed class FundManagerTests(SystemFixture system)
{
    [Fact]
    public async Task A_manager_of_another_fund_changes_nothing_of_this_fund_and_a_refusal_writes_nothing()
    {
        var fund = await system.NewFundAsync();
        var outsider = $"manager-{Guid.NewGuid():N}";
        await system.NewFundAsync(definer: outsider);
        var audit = await system.CountAsync("Earmarking", "SELECT count(*) FROM audit_log WHERE entity_id = @fund OR entity_id LIKE @prefix",
            new { fund, prefix = fund + "/%" });
        var version = await system.CountAsync("Earmarking", "SELECT version FROM funds WHERE fund_id = @fund", new { fund });

        var attempts = new (string Path, object Body)[]
        {
            ($"/funds/{fund}/settings", new { feeRate = 0.05m }),
            ($"/funds/{fund}/windows", new { windowId = "takeover", name = "Takeover" }),
            ($"/funds/{fund}/windows/core/close", new { reason = "closing someone else's window" }),
            ($"/funds/{fund}/projects", new { projectId = "px", windowId = "core", name = "px", projectLead = "lead-1", partnerId = "partner-1", allocation = 1m }),
            ($"/funds/{fund}/managers", new { manager = outsider, reason = "letting myself in" }),
            ($"/funds/{fund}/managers/{FundSetup.Manager}/remove", new { reason = "locking the owner out" }),
            ($"/funds/{fund}/approval-rule-changes", new { twoApproverThreshold = 1_000_000m, reason = "no more four eyes" }),
        };
        foreach (var (path, body) in attempts)
        {
            var refused = (await system.PostAsync(system.Earmarking, path, "fund-manager", body, subject: outsider)).Expect(HttpStatusCode.Forbidden);
            Assert.Equal(("fundId", "assigned-fund-manager"), (refused.Field, refused.Rule));
        }
        Assert.Equal("assigned-fund-manager", (await system.GetAsync(system.Earmarking, $"/funds/{fund}/managers", "fund-manager", subject: outsider))
            .Expect(HttpStatusCode.Forbidden).Rule);

        Assert.Equal(audit, await system.CountAsync("Earmarking", "SELECT count(*) FROM audit_log WHERE entity_id = @fund OR entity_id LIKE @prefix",
            new { fund, prefix = fund + "/%" }));
        Assert.Equal(version, await system.CountAsync("Earmarking", "SELECT version FROM funds WHERE fund_id = @fund", new { fund }));
        Assert.Equal(0, await system.CountAsync("Earmarking", "SELECT count(*) FROM fund_managers WHERE fund_id = @fund AND manager = @outsider",
            new { fund, outsider }));
        Assert.Equal(0, await system.CountAsync("Earmarking", "SELECT count(*) FROM approval_rule_changes WHERE fund_id = @fund", new { fund }));
    }

    [Fact]
    public async Task Assignments_are_audited_and_copied_to_every_service_and_the_last_manager_stays()
    {
        var founder = $"manager-{Guid.NewGuid():N}";
        var colleague = $"manager-{Guid.NewGuid():N}";
        var fund = await system.NewFundAsync(definer: founder);
        var managers = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/managers", "auditor")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal([founder], managers.GetProperty("managers").EnumerateArray().Select(m => m.GetProperty("manager").GetString()));

        var last = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/managers/{founder}/remove", "fund-manager", new { reason = "leaving" },
            subject: founder)).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("manager", "last-manager"), (last.Field, last.Rule));
        Assert.Contains("reason", (await system.PostAsync(system.Earmarking, $"/funds/{fund}/managers", "fund-manager", new { manager = colleague },
            subject: founder)).Expect(HttpStatusCode.BadRequest).Body.GetProperty("rules").EnumerateObject().Select(p => p.Name));

        await system.AssignManagerAsync(fund, colleague, by: founder);
        Assert.Equal("not-assigned", (await system.PostAsync(system.Earmarking, $"/funds/{fund}/managers", "fund-manager",
            new { manager = colleague, reason = "again" }, subject: founder)).Expect(HttpStatusCode.Conflict).Rule);
        foreach (var service in new[] { "Pledges", "Disbursements", "Reporting" })
        {
            await system.WaitForCountAsync(service, "SELECT count(*) FROM fund_managers WHERE fund_id = @fund", new { fund }, 2, $"{service} to copy the managers");
        }

        // The colleague, now a manager, removes the founder; the copies follow.
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/managers/{founder}/remove", "fund-manager", new { reason = "handed over" },
            subject: colleague)).Expect(HttpStatusCode.OK);
        await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM fund_managers WHERE fund_id = @fund AND manager = @colleague",
            new { fund, colleague }, 1, "Disbursements to copy the removal");
        await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM fund_managers WHERE fund_id = @fund", new { fund }, 1, "only the colleague left");

        await using var connection = system.OpenDatabase("Earmarking");
        var audit = (await connection.QueryAsync<(string Actor, string Action, string Details)>(
            "SELECT actor, action, details::text FROM audit_log WHERE entity_type = 'fund' AND entity_id = @fund AND action LIKE 'fund.manager%' ORDER BY audit_id",
            new { fund })).ToList();
        Assert.Equal([(founder, "fund.manager-assigned"), (colleague, "fund.manager-removed")], audit.Select(a => (a.Actor, a.Action)));
        Assert.Contains("handed over", audit[1].Details);
    }

    [Fact]
    public async Task The_two_approver_threshold_changes_only_when_a_second_manager_confirms()
    {
        var fund = await system.NewFundAsync(threshold: 10_000m);
        var outsider = $"manager-{Guid.NewGuid():N}";
        await system.NewFundAsync(definer: outsider);

        var alone = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/settings", "fund-manager", new { twoApproverThreshold = 900_000m },
            subject: FundSetup.Manager)).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("twoApproverThreshold", "two-person-change"), (alone.Field, alone.Rule));
        // The unchanged threshold may be sent along with other settings.
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/settings", "fund-manager", new { twoApproverThreshold = 10_000m, name = "Renamed" },
            subject: FundSetup.Manager)).Expect(HttpStatusCode.OK);

        var proposal = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/approval-rule-changes", "fund-manager",
            new { twoApproverThreshold = 25_000m, reason = "tranches grew" }, subject: FundSetup.Manager)).Expect(HttpStatusCode.Created).Body;
        Assert.Equal("proposed", proposal.GetProperty("status").GetString());
        var change = proposal.GetProperty("changeId").GetGuid();
        Assert.Equal("one-pending", (await system.PostAsync(system.Earmarking, $"/funds/{fund}/approval-rule-changes", "fund-manager",
            new { twoApproverThreshold = 30_000m, reason = "even more" }, subject: "manager-2")).Expect(HttpStatusCode.Conflict).Rule);
        Assert.Equal("10000.00", (await system.GetAsync(system.Earmarking, $"/funds/{fund}", "auditor")).Body.GetProperty("twoApproverThreshold").GetRawText());

        var self = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/approval-rule-changes/{change}/confirm", "fund-manager", new { },
            subject: FundSetup.Manager)).Expect(HttpStatusCode.Forbidden);
        Assert.Equal("second-person", self.Rule);
        Assert.Equal("assigned-fund-manager", (await system.PostAsync(system.Earmarking, $"/funds/{fund}/approval-rule-changes/{change}/confirm",
            "fund-manager", new { }, subject: outsider)).Expect(HttpStatusCode.Forbidden).Rule);
        Assert.Equal("10000.00", (await system.GetAsync(system.Earmarking, $"/funds/{fund}", "auditor")).Body.GetProperty("twoApproverThreshold").GetRawText());

        var confirmed = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/approval-rule-changes/{change}/confirm", "fund-manager", new { },
            subject: "manager-2")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(("confirmed", "manager-2"), (confirmed.GetProperty("status").GetString(), confirmed.GetProperty("decidedBy").GetString()));
        Assert.Equal("25000.00", (await system.GetAsync(system.Earmarking, $"/funds/{fund}", "auditor")).Body.GetProperty("twoApproverThreshold").GetRawText());
        await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM fund_copies WHERE fund_id = @fund AND two_approver_threshold = 25000",
            new { fund }, 1, "Disbursements to learn the new threshold");
        Assert.Equal("proposed", (await system.PostAsync(system.Earmarking, $"/funds/{fund}/approval-rule-changes/{change}/confirm", "fund-manager",
            new { }, subject: "test-user")).Expect(HttpStatusCode.Conflict).Rule);

        // A proposal its author withdraws changes nothing.
        var withdrawn = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/approval-rule-changes", "fund-manager",
            new { twoApproverThreshold = 5_000m, reason = "tighter" }, subject: "manager-2")).Expect(HttpStatusCode.Created).Body.GetProperty("changeId").GetGuid();
        Assert.Contains("reason", (await system.PostAsync(system.Earmarking, $"/funds/{fund}/approval-rule-changes/{withdrawn}/reject", "fund-manager",
            new { }, subject: "manager-2")).Expect(HttpStatusCode.BadRequest).Body.GetProperty("rules").EnumerateObject().Select(p => p.Name));
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/approval-rule-changes/{withdrawn}/reject", "fund-manager",
            new { reason = "not now" }, subject: "manager-2")).Expect(HttpStatusCode.OK);
        Assert.Equal("25000.00", (await system.GetAsync(system.Earmarking, $"/funds/{fund}", "auditor")).Body.GetProperty("twoApproverThreshold").GetRawText());

        var page = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/approval-rule-changes?limit=1", "auditor")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(change, page.GetProperty("items")[0].GetProperty("changeId").GetGuid());
        var next = page.GetProperty("next").GetString();
        var second = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/approval-rule-changes?limit=1&after={next}", "auditor")).Body;
        Assert.Equal(("rejected", true), (second.GetProperty("items")[0].GetProperty("status").GetString(),
            second.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null));

        await using var connection = system.OpenDatabase("Earmarking");
        Assert.Equal(["fund.approval-rule-proposed", "fund.approval-rule-confirmed", "fund.approval-rule-proposed", "fund.approval-rule-rejected"],
            await connection.QueryAsync<string>("SELECT action FROM audit_log WHERE entity_id = @fund AND action LIKE 'fund.approval-rule%' ORDER BY audit_id",
                new { fund }));
    }

    [Fact]
    public async Task A_fund_manager_reads_the_money_of_its_own_funds_only_in_every_service()
    {
        var fund = await system.NewFundAsync();
        var outsider = $"manager-{Guid.NewGuid():N}";
        await system.NewFundAsync(definer: outsider);
        var donor = $"donor-{Guid.NewGuid():N}";
        var contribution = await system.ContributeAsync(fund, 500m, donor: donor);
        foreach (var service in new[] { "Pledges", "Reporting" })
        {
            await system.WaitForCountAsync(service, "SELECT count(*) FROM fund_managers WHERE fund_id = @fund", new { fund }, 3, $"{service} to copy the managers");
        }

        var reads = new (Infrastructure.ServiceProcess Service, string Path)[]
        {
            (system.Earmarking, $"/funds/{fund}/pools"),
            (system.Earmarking, $"/funds/{fund}/availability"),
            (system.Earmarking, $"/funds/{fund}/suspense"),
            (system.Earmarking, $"/funds/{fund}/managers"),
            (system.Earmarking, $"/contributions/{contribution}/credit"),
            (system.Pledges, $"/funds/{fund}/receivables"),
            (system.Pledges, $"/funds/{fund}/assessments/{Dates.Today.Year}"),
            (system.Reporting, $"/funds/{fund}/balance"),
            (system.Reporting, $"/funds/{fund}/statements/sources-and-uses?from={Dates.DaysAgo(30)}&to={Dates.Iso(Dates.Today)}"),
            (system.Reporting, $"/funds/{fund}/statements/trial-balance?from={Dates.DaysAgo(30)}&to={Dates.Iso(Dates.Today)}"),
        };
        foreach (var (service, path) in reads)
        {
            var refused = (await system.GetAsync(service, path, "fund-manager", subject: outsider)).Expect(HttpStatusCode.Forbidden);
            Assert.Equal(("fundId", "assigned-fund-manager"), (refused.Field, refused.Rule));
            Assert.NotEqual(HttpStatusCode.Forbidden, (await system.GetAsync(service, path, "fund-manager", subject: "manager-2")).Status);
            Assert.NotEqual(HttpStatusCode.Forbidden, (await system.GetAsync(service, path, "auditor", subject: outsider)).Status);
        }
        Assert.Equal("assigned-fund-manager", (await system.PostAsync(system.Reporting, $"/funds/{fund}/exports", "fund-manager",
            new { statement = "sources-and-uses", format = "csv", from = Dates.DaysAgo(30), to = Dates.Iso(Dates.Today) }, subject: outsider))
            .Expect(HttpStatusCode.Forbidden).Rule);

        // Across funds, a manager sees a donor's money only in the funds it manages.
        var money = (await system.GetAsync(system.Earmarking, $"/donors/{donor}/money", "fund-manager", subject: outsider)).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(0, money.GetProperty("pools").GetArrayLength());
        Assert.Equal(1, (await system.GetAsync(system.Earmarking, $"/donors/{donor}/money", "fund-manager", subject: "manager-2")).Body
            .GetProperty("pools").GetArrayLength());
    }
}
