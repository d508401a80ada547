using System.Net;
using Dapper;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Earmarking;

[Collection(SystemCollection.Name)]
public sealed class StructureTests(SystemFixture system)
{
    [Fact]
    public async Task A_new_fund_has_its_core_window_and_its_projects_show_allocation_reserved_disbursed_and_remaining()
    {
        var fund = await system.NewFundAsync(feeRate: 0.01m, threshold: 50_000m);
        await system.OpenWindowAsync(fund, "mercury");
        await system.OpenProjectAsync(fund, "mercury", "ghana-asgm", 12_500.50m);

        var body = (await system.GetAsync(system.Earmarking, $"/funds/{fund}", "project-lead")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(["core", "mercury"], body.GetProperty("windows").EnumerateArray().Select(w => w.GetProperty("windowId").GetString()));
        Assert.Equal(0.01m, body.GetProperty("feeRate").GetDecimal());
        Assert.Equal("50000.00", body.GetProperty("twoApproverThreshold").GetRawText());
        var project = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/projects/ghana-asgm", "donor")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(12_500.50m, project.GetProperty("allocation").GetDecimal());
        Assert.Equal(12_500.50m, project.GetProperty("remaining").GetDecimal());
        Assert.Equal(0m, project.GetProperty("reserved").GetDecimal());
        Assert.Equal("lead-1", project.GetProperty("projectLead").GetString());
    }

    [Fact]
    public async Task Every_structure_change_is_audited_with_actor_and_trace_and_published_with_a_growing_version()
    {
        var fund = await system.NewFundAsync();
        await system.OpenWindowAsync(fund, "gold");
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/settings", "fund-manager", new { feeRate = 0.02m }, FundSetup.Manager))
            .Expect(HttpStatusCode.OK);

        await using var connection = system.OpenDatabase("Earmarking");
        var audit = (await connection.QueryAsync<(string Actor, string Action, string? TraceId)>(
            "SELECT actor, action, trace_id FROM audit_log WHERE entity_id = @fund OR entity_id LIKE @prefix ORDER BY audit_id",
            new { fund, prefix = fund + "/%" })).ToList();
        Assert.Equal(["fund.defined", "fund.manager-assigned", "fund.manager-assigned", "window.opened", "fund.settings-changed"],
            audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(FundSetup.Manager, a.Actor));
        Assert.All(audit, a => Assert.Matches("^[0-9a-f]{32}$", a.TraceId));

        var events = (await connection.QueryAsync<string>(
            "SELECT message_type || ':' || (body::jsonb ->> 'version') FROM outbox_messages WHERE partition_key = @key ORDER BY sequence",
            new { key = $"fund:{fund}" })).ToList();
        Assert.Equal([
            "TrustFund.Contracts.Messages.FundChanged:1", "TrustFund.Contracts.Messages.FundManagersChanged:1",
            "TrustFund.Contracts.Messages.WindowChanged:1", "TrustFund.Contracts.Messages.FundManagersChanged:2",
            "TrustFund.Contracts.Messages.FundManagersChanged:3", "TrustFund.Contracts.Messages.WindowChanged:1",
            "TrustFund.Contracts.Messages.FundChanged:2",
        ], events);
    }

    [Fact]
    public async Task Only_a_fund_manager_changes_the_structure_and_a_refusal_writes_nothing()
    {
        var fund = await system.NewFundAsync();
        var before = await system.CountAsync("Earmarking", "SELECT count(*) FROM windows WHERE fund_id = @fund", new { fund });

        var answer = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/windows", "project-lead", new { windowId = "mine", name = "Mine" }))
            .Expect(HttpStatusCode.Forbidden);
        Assert.Equal("Authorization", answer.Field);
        (await system.PostAsync(system.Earmarking, "/funds", "finance", new
        {
            fundId = Samples.NewFund(), name = "x", baseCurrency = "USD", feeRate = 0m, financingModel = "voluntary", twoApproverThreshold = 0m,
        })).Expect(HttpStatusCode.Forbidden);

        Assert.Equal(before, await system.CountAsync("Earmarking", "SELECT count(*) FROM windows WHERE fund_id = @fund", new { fund }));
    }

    [Theory]
    [InlineData(0.25, "USD", "feeRate", "range")]
    [InlineData(-0.01, "USD", "feeRate", "range")]
    [InlineData(0.01, "usd", "baseCurrency", "iso-4217")]
    [InlineData(0.01, "USD", "twoApproverThreshold", "scale")]
    public async Task A_fund_with_bad_settings_is_refused_naming_the_field_and_nothing_is_written(double feeRate, string currency, string field, string rule)
    {
        var fund = Samples.NewFund();
        var answer = (await system.PostAsync(system.Earmarking, "/funds", "fund-manager", new
        {
            fundId = fund, name = "Bad", baseCurrency = currency, feeRate = (decimal)feeRate, financingModel = "voluntary",
            twoApproverThreshold = field == "twoApproverThreshold" ? 100.001m : 100m,
        })).Expect(HttpStatusCode.BadRequest);

        Assert.Contains(rule, answer.RulesOf(field));
        Assert.Equal(0, await system.CountAsync("Earmarking", "SELECT count(*) FROM funds WHERE fund_id = @fund", new { fund }));
        Assert.Equal(0, await system.CountAsync("Earmarking", "SELECT count(*) FROM outbox_messages WHERE partition_key = @key", new { key = $"fund:{fund}" }));
    }

    [Fact]
    public async Task Unknown_targets_closed_windows_and_duplicates_are_refused_with_the_right_status()
    {
        var fund = await system.NewFundAsync();
        Assert.Equal("fundId", (await system.PostAsync(system.Earmarking, "/funds/no-such-fund/windows", "fund-manager", new { windowId = "w", name = "W" }))
            .Expect(HttpStatusCode.NotFound).Field);
        Assert.Equal("unique", (await system.PostAsync(system.Earmarking, "/funds", "fund-manager", new
        {
            fundId = fund, name = "Again", baseCurrency = "USD", feeRate = 0m, financingModel = "voluntary", twoApproverThreshold = 0m,
        })).Expect(HttpStatusCode.Conflict).Rule);
        var unknownWindow = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects", "fund-manager", new
        {
            projectId = "p1", windowId = "nowhere", name = "P1", projectLead = "lead-1", partnerId = "partner-1",
        })).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("windowId", "exists"), (unknownWindow.Field, unknownWindow.Rule));
        Assert.Equal("not-core", (await system.PostAsync(system.Earmarking, $"/funds/{fund}/windows/core/close", "fund-manager", new { reason = "x" }))
            .Expect(HttpStatusCode.UnprocessableEntity).Rule);

        await system.OpenWindowAsync(fund, "tin");
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/windows/tin/close", "fund-manager", new { reason = "programme ended" }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("open", (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects", "fund-manager", new
        {
            projectId = "p2", windowId = "tin", name = "P2", projectLead = "lead-1", partnerId = "partner-1",
        })).Expect(HttpStatusCode.UnprocessableEntity).Rule);
        Assert.Equal(0, await system.CountAsync("Earmarking", "SELECT count(*) FROM projects WHERE fund_id = @fund", new { fund }));
    }

    [Fact]
    public async Task An_allocation_cannot_drop_below_what_is_reserved_or_be_set_in_another_currency()
    {
        var fund = await system.NewFundAsync();
        await system.OpenProjectAsync(fund, "core", "p1", 1000m);
        await system.ContributeAsync(fund, 800m);
        Assert.Equal("reserved", (await system.ReserveAsync(fund, "p1", 600m)).Status);

        var below = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects/p1/allocation", "fund-manager",
            new { allocation = 599.99m, currency = "USD", reason = "budget cut" })).Expect(HttpStatusCode.Conflict);
        Assert.Equal(("allocation", "not-below-used"), (below.Field, below.Rule));
        Assert.Equal("base-currency", (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects/p1/allocation", "fund-manager",
            new { allocation = 700m, currency = "EUR", reason = "x" })).Expect(HttpStatusCode.UnprocessableEntity).Rule);
        Assert.Contains("required", (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects/p1/allocation", "fund-manager",
            new { allocation = 700m, currency = "USD" })).Expect(HttpStatusCode.BadRequest).RulesOf("reason"));

        var project = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects/p1/allocation", "fund-manager",
            new { allocation = 600m, currency = "USD", reason = "exactly what is used" })).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(0m, project.GetProperty("remaining").GetDecimal());
        Assert.Equal(2, project.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData(100.001, "USD", "scale")]
    [InlineData(-1, "USD", "not-negative")]
    [InlineData(100.5, "JPY", "scale")]
    public async Task An_allocation_that_breaks_the_currency_rules_is_refused_and_nothing_changes(double allocation, string currency, string rule)
    {
        var fund = await system.NewFundAsync(currency: currency);
        await system.OpenProjectAsync(fund, "core", "p1", 10m);

        var answer = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects/p1/allocation", "fund-manager",
            new { allocation = (decimal)allocation, currency, reason = "revision" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(rule, answer.RulesOf("allocation"));
        var project = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/projects/p1", "auditor")).Body;
        Assert.Equal((10m, 1), (project.GetProperty("allocation").GetDecimal(), project.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Republishing_sends_every_element_again_with_its_current_version()
    {
        var fund = await system.NewFundAsync();
        await system.OpenWindowAsync(fund, "mercury");
        await system.OpenProjectAsync(fund, "mercury", "p1", 10m);
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects/p1/allocation", "fund-manager",
            new { allocation = 20m, currency = "USD", reason = "top-up" })).Expect(HttpStatusCode.OK);

        (await system.PostAsync(system.Earmarking, "/structure/republish", "project-lead", new { })).Expect(HttpStatusCode.Forbidden);
        var counts = (await system.PostAsync(system.Earmarking, "/structure/republish", "fund-manager", new { })).Expect(HttpStatusCode.OK).Body;
        Assert.True(counts.GetProperty("funds").GetInt32() >= 1);

        await using var connection = system.OpenDatabase("Earmarking");
        var again = (await connection.QueryAsync<string>("""
            SELECT substring(message_type from '[A-Za-z]+$') || ':' || (body::jsonb ->> 'version')
            FROM outbox_messages WHERE partition_key = @key AND body::jsonb ->> 'change' = 'republished' ORDER BY sequence
            """, new { key = $"fund:{fund}" })).ToList();
        Assert.Equal(["FundChanged:1", "FundManagersChanged:3", "WindowChanged:1", "WindowChanged:1", "ProjectChanged:2"], again);
    }
}
