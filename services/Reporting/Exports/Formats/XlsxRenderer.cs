using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TrustFund.Reporting.Exports.Formats;

/// <summary>
/// One worksheet per document: the heading (title, fund, period, currency, generation stamp), then each section's
/// table. Amounts are numeric cells (formatted with the currency's decimals), never text; total rows are bold.
/// </summary>
public sealed class XlsxRenderer : IExportRenderer
{
    public string Format => "xlsx";

    public string MediaType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string Extension => "xlsx";

    public byte[] Render(ExportDocument document, ExportStamp stamp)
    {
        using var buffer = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            // Parts get fixed relationship ids (the SDK would draw random ones), and no package properties part (its
            // name is random too): the sheet itself carries the title and the generation stamp.
            var workbook = package.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>("rId1");
            styles.Stylesheet = XlsxStyles.Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>("rId2");
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(Columns(document), data);
            Write(data, document, stamp);
            workbook.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(document.Title),
            }));
        }
        return Deterministic(buffer.ToArray(), stamp.GeneratedAt);
    }

    private static void Write(SheetData data, ExportDocument document, ExportStamp stamp)
    {
        uint row = 0;
        void Line(uint style, params Cell[] cells) => data.AppendChild(Row(++row, style, cells));

        Line(XlsxStyles.Title, Text(document.Title));
        Line(XlsxStyles.Plain, Text("Fund"), Text(document.FundId));
        Line(XlsxStyles.Plain, Text("Period"), Text($"{document.From:yyyy-MM-dd} to {document.To:yyyy-MM-dd}"));
        if (document.Currency is not null)
        {
            Line(XlsxStyles.Plain, Text("Currency"), Text(document.Currency));
        }
        Line(XlsxStyles.Plain, Text("Generated"), Text($"{stamp.GeneratedAt:yyyy-MM-ddTHH:mm:ssZ} by {stamp.GeneratedBy}"));
        Line(XlsxStyles.Plain, Text("Ledger chain"), Text($"position {stamp.ChainPosition}, hash {stamp.ChainHash}"));
        foreach (var section in document.Sections)
        {
            row++;
            Line(XlsxStyles.Bold, Text(section.Title));
            Line(XlsxStyles.Bold, [.. section.Columns.Select(c => Text(c.Header))]);
            foreach (var r in section.Rows)
            {
                Line(r.IsTotal ? XlsxStyles.Bold : XlsxStyles.Plain, [.. section.Columns.Select((c, i) =>
                    Cell(section, c, i < r.Cells.Count ? r.Cells[i] : ExportCell.Empty, r.IsTotal))]);
            }
        }
        if (document.Notes.Count > 0)
        {
            row++;
            foreach (var note in document.Notes)
            {
                Line(XlsxStyles.Plain, Text(note));
            }
        }
    }

    private static Row Row(uint index, uint style, Cell[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = $"{ColumnName(i)}{index}";
            cells[i].StyleIndex ??= style;
        }
        return new Row(cells) { RowIndex = index };
    }

    private static Cell Cell(ExportSection section, ExportColumn column, ExportCell cell, bool total) => cell.Number is { } number
        ? new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
            StyleIndex = XlsxStyles.Number(section.DecimalsOf(column), total),
        }
        : Text(cell.Text ?? "");

    private static Cell Text(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Columns Columns(ExportDocument document)
    {
        var count = Math.Max(2, document.Sections.Select(s => s.Columns.Count).DefaultIfEmpty(0).Max());
        return new Columns([.. Enumerable.Range(1, count).Select(i => new Column
        {
            Min = (uint)i, Max = (uint)i, Width = i == 1 ? 48 : 20, CustomWidth = true,
        })]);
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{ColumnName(index / 26 - 1)}{(char)('A' + index % 26)}";

    /// <summary>A sheet name: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string title)
    {
        var name = new string([.. title.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? '-' : c)]);
        return name.Length <= 31 ? name : name[..31];
    }

    /// <summary>
    /// The package writer stamps every zip entry with the current time; rewriting the entries with the generation
    /// time makes the same data at the same generation time give the same bytes.
    /// </summary>
    private static byte[] Deterministic(byte[] package, DateTimeOffset at)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = at;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
