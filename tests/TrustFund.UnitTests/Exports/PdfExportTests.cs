using TrustFund.Tests.Shared;
using TrustFund.Reporting.Exports.Formats;

namespace TrustFund.UnitTests.Exports;

public sealed class PdfExportTests
{
    [Fact]
    public void A_statement_shows_title_fund_period_totals_signature_lines_and_the_chain_hash()
    {
        var bytes = new PdfRenderer().Render(ExportSamples.TrialBalance(), ExportSamples.Stamp);

        var pageCount = Poppler.Pages(bytes);
        var text = ExportSamples.PdfText(bytes);
        foreach (var expected in new[]
        {
            "Trial balance", "Fund: fund-asm", "Period: 2026-01-01 to 2026-12-31", "1,246,913.56", "12.345",
            "4100-contribution-revenue-with-donor-restrictions", $"Page 1 of {pageCount}", "Prepared by (finance)", "Certified by",
            "Generated 2026-11-22 10:15:30 UTC by finance-1", ExportSamples.Stamp.ChainHash,
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_long_table_flows_over_several_pages_each_numbered_of_the_total()
    {
        var bytes = new PdfRenderer().Render(ExportSamples.Long(300), ExportSamples.Stamp);

        var pageCount = Poppler.Pages(bytes);
        Assert.True(pageCount >= 5, $"{pageCount} pages");
        var pages = ExportSamples.PdfText(bytes).Split('\f', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(pageCount, pages.Length);
        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Contains($"Page {i + 1} of {pageCount}", pages[i], StringComparison.Ordinal);
            Assert.Contains(ExportSamples.Stamp.ChainHash, pages[i], StringComparison.Ordinal);
        }
        Assert.All(pages[1..^1], p => Assert.Contains("Trial balance in USD (continued)", p, StringComparison.Ordinal));
        var text = string.Concat(pages);
        Assert.True(text.IndexOf("0300-account-number-300", StringComparison.Ordinal) < text.LastIndexOf("300.00", StringComparison.Ordinal));
        Assert.Contains("Certified by", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_brackets_backslashes_and_accents_prints_as_written_and_other_scripts_as_question_marks()
    {
        var document = ExportSamples.TrialBalance() with { Title = "Fonds (spécial) \\ d'Afrique — 2026 ₹" };
        var text = ExportSamples.PdfText(new PdfRenderer().Render(document, ExportSamples.Stamp));

        Assert.Contains("Fonds (spécial) \\ d'Afrique — 2026 ?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_document_at_the_same_time_is_the_same_file()
    {
        var first = new PdfRenderer().Render(ExportSamples.TrialBalance(), ExportSamples.Stamp);
        Assert.Equal(first, new PdfRenderer().Render(ExportSamples.TrialBalance(), ExportSamples.Stamp));
        Assert.NotEqual(first, new PdfRenderer().Render(ExportSamples.TrialBalance(), ExportSamples.Stamp with { ChainHash = new string('f', 64) }));
    }
}
