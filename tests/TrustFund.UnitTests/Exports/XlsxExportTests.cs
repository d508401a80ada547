using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TrustFund.Reporting.Exports.Formats;

namespace TrustFund.UnitTests.Exports;

public sealed class XlsxExportTests
{
    [Fact]
    public void Opened_with_openxml_the_totals_are_numeric_cells_in_bold_with_the_figures()
    {
        var bytes = new XlsxRenderer().Render(ExportSamples.TrialBalance(), ExportSamples.Stamp);

        using var package = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbook = package.WorkbookPart!;
        Assert.Equal(["Trial balance"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        var rows = workbook.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var fonts = workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ToList();
        var formats = workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();

        var totals = rows.Where(r => Text(r.Elements<Cell>().First()) == "Total").ToList();
        Assert.Equal(2, totals.Count);
        var figures = totals.Select(r => r.Elements<Cell>().Skip(1).Select(c =>
        {
            Assert.Equal(CellValues.Number, c.DataType!.Value);
            Assert.NotNull(fonts[(int)formats[(int)c.StyleIndex!.Value].FontId!.Value].Bold);
            return decimal.Parse(c.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }).ToList()).ToList();
        Assert.Equal([[12.345m, 12.345m], [1_246_913.56m, 1_246_913.56m]], figures);
        Assert.Equal("fund-asm", Text(rows[1].Elements<Cell>().ElementAt(1)));
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
}
