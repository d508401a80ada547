using System.Net;
using System.Xml.Linq;
using TrustFund.IntegrationTests.Disbursements;
using TrustFund.IntegrationTests.Infrastructure;
using TrustFund.Reporting.Exports.Iati;

namespace TrustFund.IntegrationTests.Reporting;

[Collection(SystemCollection.Name)]
public sealed class IatiExportTests(SystemFixture system)
{
    private const string Year = "from=2026-01-01&to=2026-12-31";

    [Fact]
    public async Task A_funds_IATI_export_validates_against_the_schema_and_shows_the_pledge_the_money_in_and_the_transfer_to_the_partner()
    {
        var schema = IatiSchema.Load(IatiSchema.NextTo(system.Env.RepositoryRoot));
        var fund = await system.KnownFundAsync();
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM known_projects WHERE fund_id = @fund", new { fund }, 1, "Reporting to copy the project");
        await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM project_copies WHERE fund_id = @fund", new { fund }, 1, "Disbursements to copy the project");
        var earmark = new { kind = "project", windowId = "mercury", projectId = "proj-ghana" };
        var pledge = (await system.PostAsync(system.Pledges, "/pledges", "finance", new
        {
            donorId = "donor-norway", fundId = fund, amount = 300m, currency = "USD", earmark, pledgedOn = "2026-01-15",
            instalments = new[] { new { dueDate = "2026-03-31", amount = 300m } },
        })).Expect(HttpStatusCode.Created).Body.GetProperty("pledgeId").GetGuid();
        (await system.PostAsync(system.Pledges, "/contributions", "finance", new
        {
            donorId = "donor-norway", fundId = fund, pledgeId = pledge, amount = 120m, currency = "USD", valueDate = "2026-03-01", bankReference = "NO-1",
        })).Expect(HttpStatusCode.Created);
        (await system.PostAsync(system.Pledges, "/contributions", "finance", new
        {
            donorId = "donor-a", fundId = fund, amount = 50m, currency = "USD", earmark = new { kind = "unearmarked" }, valueDate = "2026-02-01", bankReference = "A-1",
        })).Expect(HttpStatusCode.Created);
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM receipts WHERE fund_id = @fund", new { fund }, 2, "Earmarking to pool both receipts");

        // 150 paid: the 120 earmarked to the project first, then 30 of fund core money (the tightest earmark first).
        var request = await system.RequestAsync(fund, 150m, project: "proj-ghana");
        await system.WaitForStatusAsync(request, "reserved");
        (await system.PostAsync(system.Disbursements, $"/requests/{request}/approve", "fund-manager", new { }, subject: "manager-1")).Expect(HttpStatusCode.OK);
        (await system.PostAsync(system.Disbursements, $"/requests/{request}/pay", "finance",
            new { valueDate = "2026-03-20", bankReference = "PAY-1", amount = 150m }, subject: "finance-1")).Expect(HttpStatusCode.OK);
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund AND source_type IN ('pledge', 'contribution', 'disbursement')",
            new { fund }, 4, "the pledge, both receipts and the transfer in the ledger");

        using var call = system.Request(HttpMethod.Get, $"/funds/{fund}/exports/iati?{Year}", "auditor");
        using var response = await system.Reporting.Client.SendAsync(call);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((HttpStatusCode.OK, "application/xml"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        var problems = IatiSchema.Validate(bytes, schema);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        var activity = XDocument.Load(new MemoryStream(bytes)).Root!.Elements("iati-activity").Single();
        Assert.Equal($"XX-TRUSTFUND-TRUSTEE-{fund}-proj-ghana", activity.Element("iati-identifier")!.Value);
        Assert.Equal("proj-ghana", activity.Element("title")!.Element("narrative")!.Value); // the name from the structure copy
        Assert.Contains($"Fund {fund}", activity.Element("description")!.Value, StringComparison.Ordinal);
        Assert.Equal(
        [
            ("13", "300.00", "donor-norway", "TrustFund administrative agent", "3", $"pledge/{pledge}"),
            ("1", "120.00", "donor-norway", "TrustFund administrative agent", "3", "contribution"),
            ("1", "30.00", "donor-a", "TrustFund administrative agent", "1", $"disbursement/{request}"),
            ("3", "150.00", "TrustFund administrative agent", "partner-1", "", $"disbursement/{request}"),
        ], activity.Elements("transaction").Select(t => (
            t.Element("transaction-type")!.Attribute("code")!.Value, t.Element("value")!.Value, t.Element("provider-org")!.Element("narrative")!.Value,
            t.Element("receiver-org")!.Element("narrative")!.Value, t.Element("aid-type")?.Attribute("code")!.Value ?? "",
            t.Attribute("ref")!.Value.StartsWith("contribution/", StringComparison.Ordinal) ? "contribution" : t.Attribute("ref")!.Value)));
    }

    [Fact]
    public async Task Bad_ranges_are_refused_naming_the_field_and_donors_may_not_export()
    {
        var fund = Samples.NewFund();

        Assert.Contains("required", (await system.GetAsync(system.Reporting, $"/funds/{fund}/exports/iati?to=2026-12-31", "finance"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("from"));
        Assert.Contains("not-before-from", (await system.GetAsync(system.Reporting, $"/funds/{fund}/exports/iati?from=2026-12-31&to=2026-01-01", "auditor"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("to"));
        Assert.Contains("type", (await system.GetAsync(system.Reporting, $"/funds/{fund}/exports/iati?from=2026-13-01&to=2026-12-31", "fund-manager"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("from"));
        Assert.Contains("id-format", (await system.GetAsync(system.Reporting, $"/funds/Not%20An%20Id/exports/iati?{Year}", "finance"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("fundId"));
        var nothing = (await system.GetAsync(system.Reporting, $"/funds/{fund}/exports/iati?{Year}", "finance")).Expect(HttpStatusCode.NotFound);
        Assert.Equal(("fundId", "exists"), (nothing.Field, nothing.Rule));
        (await system.GetAsync(system.Reporting, $"/funds/{fund}/exports/iati?{Year}", "donor", claims: new Dictionary<string, string> { ["donor_id"] = "donor-a" }))
            .Expect(HttpStatusCode.Forbidden);
    }
}
