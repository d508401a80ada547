using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reporting;

[Collection(SystemCollection.Name)]
public sealed class ExportTests(SystemFixture system)
{
    private const string November = "from=2026-11-01&to=2026-11-30";

    private static object Request(string statement, string format) => new { statement, format, from = "2026-11-01", to = "2026-11-30" };

    /// <summary>A fund with two contributions and their 1% fees in the ledger: four entries in November 2026.</summary>
    private async Task<string> FundWithContributionsAsync()
    {
        var fund = await system.NewFundAsync(feeRate: 0.01m);
        await system.ContributeAsync(fund, 1000m, donor: "donor-a");
        await system.ContributeAsync(fund, 250.50m, donor: "donor-b");
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, 4, "contributions and fees");
        return fund;
    }

    [Fact]
    public async Task Every_format_of_both_statements_shows_the_totals_of_the_json_statements_and_its_manifest_ties_the_file_to_the_ledger()
    {
        var fund = await FundWithContributionsAsync();
        var trialTotals = (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/trial-balance?{November}", "auditor"))
            .Expect(HttpStatusCode.OK).Body.GetProperty("totals").EnumerateArray().Single();
        var (debit, credit) = (trialTotals.GetProperty("debit").GetDecimal(), trialTotals.GetProperty("credit").GetDecimal());
        var sources = (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/sources-and-uses?{November}", "auditor"))
            .Expect(HttpStatusCode.OK).Body.EnumerateArray().Single();
        var (totalSources, totalUses, closing) = (sources.GetProperty("totalSources").GetDecimal(), sources.GetProperty("totalUses").GetDecimal(),
            sources.GetProperty("closingBalance").GetDecimal());
        Assert.Equal((1250.50m, totalSources - totalUses), (totalSources, closing));

        await using var db = system.OpenDatabase("Reporting");
        var (first, last) = await db.QuerySingleAsync<(long, long)>("SELECT min(entry_id), max(entry_id) FROM journal_entries WHERE fund_id = @fund", new { fund });
        foreach (var format in new[] { "csv", "xlsx", "pdf" })
        {
            var (trial, trialFile) = await ExportAsync(fund, "trial-balance", format);
            Assert.Equal((first, last, 4L), (trial.GetProperty("ledger").GetProperty("firstEntryId").GetInt64(),
                trial.GetProperty("ledger").GetProperty("lastEntryId").GetInt64(), trial.GetProperty("ledger").GetProperty("entries").GetInt64()));
            var (_, usesFile) = await ExportAsync(fund, "sources-and-uses", format);
            switch (format)
            {
                case "csv":
                    Assert.Equal([[debit, credit]], trialFile.CsvRows("Total"));
                    Assert.Equal([[totalSources], [totalUses], [closing]],
                        [.. usesFile.CsvRows("Total source of funds"), .. usesFile.CsvRows("Total use of funds"), .. usesFile.CsvRows("Closing balance")]);
                    break;
                case "xlsx":
                    Assert.Equal([[debit, credit]], trialFile.XlsxRows("Total"));
                    Assert.Equal([[totalSources], [totalUses], [closing]],
                        [.. usesFile.XlsxRows("Total source of funds"), .. usesFile.XlsxRows("Total use of funds"), .. usesFile.XlsxRows("Closing balance")]);
                    break;
                default:
                    var trialText = await trialFile.PdfTextAsync();
                    Assert.Contains($"Page 1 of {trialFile.PdfPages()}", trialText, StringComparison.Ordinal);
                    Assert.Contains($"Fund: {fund}", trialText, StringComparison.Ordinal);
                    Assert.Matches($@"Total\s+{ExportedFile.Shown(debit)}\s+{ExportedFile.Shown(credit)}", trialText);
                    var usesText = await usesFile.PdfTextAsync();
                    Assert.Matches($@"Total source of funds\s+{ExportedFile.Shown(totalSources)}", usesText);
                    Assert.Matches($@"Total use of funds\s+{ExportedFile.Shown(totalUses)}", usesText);
                    Assert.Matches($@"Closing balance\s+{ExportedFile.Shown(closing)}", usesText);
                    Assert.Contains("Certified by", usesText, StringComparison.Ordinal);
                    break;
            }
        }
    }

    /// <summary>
    /// Exports and downloads; checks the file against the manifest (SHA-256, length, media type, name) and the manifest's
    /// chain hash against /ledger/verify taken just before and after (retrying while other postings move the chain).
    /// </summary>
    private async Task<(JsonElement Manifest, ExportedFile File)> ExportAsync(string fund, string statement, string format)
    {
        for (var attempt = 1; ; attempt++)
        {
            var before = (await system.GetAsync(system.Reporting, "/ledger/verify", "auditor")).Expect(HttpStatusCode.OK).Body;
            var manifest = (await system.PostAsync(system.Reporting, $"/funds/{fund}/exports", "finance", Request(statement, format), subject: "finance-1"))
                .Expect(HttpStatusCode.Created).Body;
            var after = (await system.GetAsync(system.Reporting, "/ledger/verify", "auditor")).Body;
            if (before.GetProperty("lastHash").GetString() != after.GetProperty("lastHash").GetString() && attempt < 5)
            {
                continue;
            }
            Assert.True(before.GetProperty("valid").GetBoolean(), before.ToString());
            Assert.Equal(before.GetProperty("lastHash").GetString(), manifest.GetProperty("ledger").GetProperty("chainHash").GetString());
            Assert.Equal(before.GetProperty("entries").GetInt64(), manifest.GetProperty("ledger").GetProperty("chainPosition").GetInt64());
            var link = (await system.GetAsync(system.Reporting, $"/ledger/chain/{before.GetProperty("entries").GetInt64()}", "auditor"))
                .Expect(HttpStatusCode.OK).Body;
            Assert.Equal(before.GetProperty("lastHash").GetString(), link.GetProperty("entryHash").GetString());

            var id = manifest.GetProperty("exportId").GetString()!;
            Assert.Equal(manifest.ToString(), (await system.GetAsync(system.Reporting, $"/exports/{id}", "fund-manager")).Expect(HttpStatusCode.OK).Body.ToString());
            var file = await ExportedFile.DownloadAsync(system, id);
            var sha256 = SHA256.HashData(file.Content);
            Assert.Equal(manifest.GetProperty("sha256").GetString(), Convert.ToHexStringLower(sha256));
            Assert.Equal($"sha-256=:{Convert.ToBase64String(sha256)}:", file.Digest);
            Assert.Equal((file.Content.LongLength, manifest.GetProperty("mediaType").GetString(), manifest.GetProperty("fileName").GetString()),
                (manifest.GetProperty("byteLength").GetInt64(), file.MediaType, file.FileName));
            Assert.Equal((statement, format, fund, "finance-1"), (manifest.GetProperty("statement").GetString(), manifest.GetProperty("format").GetString(),
                manifest.GetProperty("fundId").GetString(), manifest.GetProperty("generatedBy").GetString()));
            return (manifest, file);
        }
    }

    [Fact]
    public async Task A_repeat_with_the_same_idempotency_key_replays_the_first_export_and_stores_nothing_more()
    {
        var fund = await FundWithContributionsAsync();
        var key = Guid.NewGuid().ToString();

        var first = (await system.SendAsync(system.Reporting, HttpMethod.Post, $"/funds/{fund}/exports", "finance", Request("trial-balance", "pdf"),
            idempotencyKey: key)).Expect(HttpStatusCode.Created).Body;
        var again = (await system.SendAsync(system.Reporting, HttpMethod.Post, $"/funds/{fund}/exports", "finance", Request("trial-balance", "pdf"),
            idempotencyKey: key)).Expect(HttpStatusCode.Created).Body;
        Assert.Equal(first.ToString(), again.ToString());
        Assert.Equal("same-request", (await system.SendAsync(system.Reporting, HttpMethod.Post, $"/funds/{fund}/exports", "finance",
            Request("trial-balance", "csv"), idempotencyKey: key)).Expect(HttpStatusCode.UnprocessableEntity).Rule);

        Assert.Equal(1, await system.CountAsync("Reporting", "SELECT count(*) FROM exports WHERE fund_id = @fund", new { fund }));
        Assert.Equal(1, await system.CountAsync("Reporting", "SELECT count(*) FROM audit_log WHERE action = 'export.created' AND entity_id = @id",
            new { id = first.GetProperty("exportId").GetString() }));
    }

    [Fact]
    public async Task Wrong_roles_bad_input_and_a_fund_without_entries_are_refused_and_nothing_is_stored()
    {
        var fund = await FundWithContributionsAsync();
        var exports = await system.CountAsync("Reporting", "SELECT count(*) FROM exports");
        string Path(string f) => $"/funds/{f}/exports";

        foreach (var role in new[] { "project-lead", "donor" })
        {
            (await system.PostAsync(system.Reporting, Path(fund), role, Request("trial-balance", "csv"))).Expect(HttpStatusCode.Forbidden);
        }
        var bad = new (object Body, string Field, string Rule)[]
        {
            (Request("balance-sheet", "csv"), "statement", "one-of"),
            (Request("trial-balance", "docx"), "format", "one-of"),
            (new { statement = "trial-balance", format = "csv", to = "2026-11-30" }, "from", "required"),
            (new { statement = "trial-balance", format = "csv", from = "2026-13-01", to = "2026-11-30" }, "from", "format"),
            (new { statement = "trial-balance", format = "csv", from = "2026-11-30", to = "2026-11-01" }, "to", "not-before-from"),
            (new { statement = "trial-balance", format = "csv", from = "2026-11-01", to = "2026-11-30", signedBy = "x" }, "signedBy", "unknown-field"),
        };
        foreach (var (body, field, rule) in bad)
        {
            Assert.Contains(rule, (await system.PostAsync(system.Reporting, Path(fund), "finance", body)).Expect(HttpStatusCode.BadRequest).RulesOf(field));
        }
        Assert.Equal("exists", (await system.PostAsync(system.Reporting, Path(Samples.NewFund()), "finance", Request("trial-balance", "csv")))
            .Expect(HttpStatusCode.NotFound).Rule);
        (await system.GetAsync(system.Reporting, $"/exports/{Guid.NewGuid()}", "auditor")).Expect(HttpStatusCode.NotFound);
        (await system.GetAsync(system.Reporting, $"/exports/{Guid.NewGuid()}/file", "auditor")).Expect(HttpStatusCode.NotFound);
        (await system.GetAsync(system.Reporting, $"/exports/{Guid.NewGuid()}", "project-lead")).Expect(HttpStatusCode.Forbidden);

        Assert.Equal(exports, await system.CountAsync("Reporting", "SELECT count(*) FROM exports"));
    }
}
