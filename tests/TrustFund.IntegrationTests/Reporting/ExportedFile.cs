using System.Globalization;
using System.Net;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reporting;

/// <summary>An exported file as downloaded, and its figures read back the way each format's own readers see them.</summary>
public sealed record ExportedFile(byte[] Content, string? MediaType, string? FileName, string? Digest)
{
    public static async Task<ExportedFile> DownloadAsync(SystemFixture system, string exportId, string role = "auditor")
    {
        using var request = system.Request(HttpMethod.Get, $"/exports/{exportId}/file", role);
        using var response = await system.Reporting.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new ExportedFile(await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName,
            response.Headers.TryGetValues("Repr-Digest", out var digest) ? digest.Single() : null);
    }

    /// <summary>The numbers of the row labelled <paramref name="label"/> in each section, as the CSV gives them.</summary>
    public IReadOnlyList<decimal[]> CsvRows(string label)
    {
        using var reader = CsvReader.Create(Content, new CsvReaderOptions { HasHeader = false });
        var rows = new List<decimal[]>();
        while (reader.Read())
        {
            if (reader.GetString(0) is "row" or "total" && reader.GetString(1) == label)
            {
                rows.Add([.. Enumerable.Range(2, reader.FieldCount - 2).Select(reader.GetString).TakeWhile(f => f.Length > 0)
                    .Select(f => decimal.Parse(f, NumberStyles.Number, CultureInfo.InvariantCulture))]);
            }
        }
        return rows;
    }

    /// <summary>The numeric cells of the row labelled <paramref name="label"/>, read with the Open XML SDK; text cells are refused.</summary>
    public IReadOnlyList<decimal[]> XlsxRows(string label)
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(Content), isEditable: false);
        return [.. package.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Where(r => r.Elements<Cell>().First().InlineString?.InnerText == label)
            .Select(r => r.Elements<Cell>().Skip(1).Select(c =>
            {
                Assert.Equal(CellValues.Number, c.DataType?.Value);
                return decimal.Parse(c.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
            }).ToArray())];
    }

    public int PdfPages()
    {
        return TrustFund.Tests.Shared.Poppler.Pages(Content);
    }

    /// <summary>The PDF's text as laid out on its pages, by poppler's pdftotext.</summary>
    public Task<string> PdfTextAsync() => Task.FromResult(TrustFund.Tests.Shared.Poppler.Text(Content));

    public static string Shown(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
}
