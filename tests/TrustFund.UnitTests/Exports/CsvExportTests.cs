using System.Globalization;
using CsvHelper;
using TrustFund.Reporting.Exports.Formats;

namespace TrustFund.UnitTests.Exports;

public sealed class CsvExportTests
{
    private static List<string[]> Records(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }
        return records;
    }

    [Fact]
    public void Parsed_back_it_gives_the_figures_with_their_currencys_decimals_and_no_thousands_separator()
    {
        var records = Records(new CsvRenderer().Render(ExportSamples.TrialBalance(), ExportSamples.Stamp));

        Assert.Equal(["document", "trial-balance", "Trial balance", "fund-asm", "2026-01-01", "2026-12-31", ""], records[0]);
        Assert.Equal(["stamp", "2026-11-22T10:15:30Z", "finance-1", "42", ExportSamples.Stamp.ChainHash], records[1][..5]);
        var totals = records.Where(r => r[0] == "total").Select(r => (r[2], r[3])).ToList();
        Assert.Equal([("12.345", "12.345"), ("1246913.56", "1246913.56")], totals);
        Assert.Contains(records, r => r[..4].SequenceEqual(["row", "1000-cash", "1234567.89", "12345.67"]));
        Assert.Equal(1_246_913.56m, decimal.Parse(totals[1].Item1, NumberStyles.Number, CultureInfo.InvariantCulture));
        Assert.All(records, r => Assert.Equal(records[0].Length, r.Length));
    }

    [Fact]
    public void Sections_are_announced_with_their_currency_and_column_headers()
    {
        var records = Records(new CsvRenderer().Render(ExportSamples.TrialBalance(), ExportSamples.Stamp));

        Assert.Equal([("Trial balance in BHD", "BHD"), ("Trial balance in USD", "USD")],
            records.Where(r => r[0] == "section").Select(r => (r[1], r[2])));
        Assert.All(records.Where(r => r[0] == "header"), r => Assert.Equal(["Account", "Debit", "Credit"], r[1..4]));
    }
}
