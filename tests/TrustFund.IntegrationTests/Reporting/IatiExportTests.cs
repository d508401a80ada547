using System.Net;
using System.Xml.Linq;
using TrustFund.IntegrationTests.Disbursements;
using TrustFund.IntegrationTests.Infrastructure;
using TrustFund.Reporting.Exports.Iati;

namespace TrustFund.IntegrationTests.Reporting;

[Collection(SystemCollection.Name)]
public sealed class IatiExportTests(SystemFixture system)
{
    private static object Export(string format) => new { statement = "iati-activities", format, from = "2026-01-01", to = "2026-12-31" };

    [Fact]
    public async Task A_funds_IATI_export_validates_against_the_schema_and_shows_the_pledge_the_money_in_and_the_transfer_to_the_partner()
    {
        var schema = IatiSchema.Official(system.Env.RepositoryRoot);
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

        // Exported with a manifest like every export: the file's SHA-256 and the ledger's chain hash when it was read.
        var manifest = (await system.PostAsync(system.Reporting, $"/funds/{fund}/exports", "auditor", Export("xml"))).Expect(HttpStatusCode.Created).Body;
        var file = await ExportedFile.DownloadAsync(system, manifest.GetProperty("exportId").GetString()!);
        var bytes = file.Content;
        Assert.Equal(("application/xml", "xml", "iati-activities"), (file.MediaType, manifest.GetProperty("format").GetString(), manifest.GetProperty("statement").GetString()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), manifest.GetProperty("sha256").GetString());
        Assert.Equal((await system.GetAsync(system.Reporting, "/ledger/verify", "auditor")).Body.GetProperty("lastHash").GetString(),
            manifest.GetProperty("ledger").GetProperty("chainHash").GetString());
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

        Task<Infrastructure.Api.Answer> ExportAsync(object body, string role = "finance", string of = "") =>
            system.PostAsync(system.Reporting, $"/funds/{(of.Length == 0 ? fund : of)}/exports", role, body,
                claims: role == "donor" ? new Dictionary<string, string> { ["donor_id"] = "donor-a" } : null);
        var before = await system.CountAsync("Reporting", "SELECT count(*) FROM exports");

        Assert.Contains("required", (await ExportAsync(new { statement = "iati-activities", format = "xml", to = "2026-12-31" })).Expect(HttpStatusCode.BadRequest).RulesOf("from"));
        Assert.Contains("not-before-from", (await ExportAsync(new { statement = "iati-activities", format = "xml", from = "2026-12-31", to = "2026-01-01" }))
            .Expect(HttpStatusCode.BadRequest).RulesOf("to"));
        Assert.Contains("one-of", (await ExportAsync(Export("pdf"))).Expect(HttpStatusCode.BadRequest).RulesOf("format"));
        Assert.Contains("id-format", (await ExportAsync(Export("xml"), of: "Not%20An%20Id")).Expect(HttpStatusCode.BadRequest).RulesOf("fundId"));
        var nothing = (await ExportAsync(Export("xml"))).Expect(HttpStatusCode.NotFound);
        Assert.Equal("fundId", nothing.Field);
        (await ExportAsync(Export("xml"), role: "donor")).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(before, await system.CountAsync("Reporting", "SELECT count(*) FROM exports"));
    }
}
