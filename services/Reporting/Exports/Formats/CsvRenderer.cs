using System.Globalization;
using CsvHelper;

namespace TrustFund.Reporting.Exports.Formats;

/// <summary>
/// RFC 4180 CSV in UTF-8, one record per line, the first field naming the record: <c>document</c> (statement, title,
/// fund, from, to, currency), <c>stamp</c> (generated at and by, chain position and hash), then per section
/// <c>section</c> (title, currency), <c>header</c>, <c>row</c> and <c>total</c>, and at the end <c>note</c>. Every
/// record has the same number of fields (padded with empty ones), as RFC 4180 asks. Numbers are invariant, with their
/// currency's decimals and no thousands separator, so a program reads back exactly what the ledger holds.
/// </summary>
public sealed class CsvRenderer : IExportRenderer
{
    public string Format => "csv";

    public string MediaType => "text/csv";

    public string Extension => "csv";

    public byte[] Render(ExportDocument document, ExportStamp stamp)
    {
        var width = 1 + Math.Max(6, document.Sections.Select(s => s.Columns.Count).DefaultIfEmpty(0).Max());
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true))
        {
            void Record(string kind, params string[] fields)
            {
                csv.WriteField(kind);
                for (var i = 0; i < width - 1; i++)
                {
                    csv.WriteField(i < fields.Length ? fields[i] : "");
                }
                csv.EndRecord();
            }

            Record("document", document.Statement, document.Title, document.FundId, Date(document.From), Date(document.To), document.Currency ?? "");
            Record("stamp", stamp.GeneratedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), stamp.GeneratedBy,
                stamp.ChainPosition.ToString(CultureInfo.InvariantCulture), stamp.ChainHash);
            foreach (var section in document.Sections)
            {
                Record("section", section.Title, section.Currency ?? "");
                Record("header", [.. section.Columns.Select(c => c.Header)]);
                foreach (var row in section.Rows)
                {
                    Record(row.IsTotal ? "total" : "row", [.. section.Columns.Select((c, i) => Cell(section, c, i < row.Cells.Count ? row.Cells[i] : ExportCell.Empty))]);
                }
            }
            foreach (var note in document.Notes)
            {
                Record("note", note);
            }
            csv.Flush();
        }
        return buffer.ToArray();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Cell(ExportSection section, ExportColumn column, ExportCell cell) =>
        cell.Number is { } number ? section.Format(column, number) : cell.Text ?? "";
}
