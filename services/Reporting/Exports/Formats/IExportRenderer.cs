namespace TrustFund.Reporting.Exports.Formats;

/// <summary>Writes any <see cref="ExportDocument"/> in one file format.</summary>
public interface IExportRenderer
{
    string Format { get; }

    string MediaType { get; }

    string Extension { get; }

    byte[] Render(ExportDocument document, ExportStamp stamp);

    ExportFileKind Kind => new(Format, MediaType, Extension);
}

public static class ExportFormats
{
    public static readonly IReadOnlyDictionary<string, IExportRenderer> All =
        new IExportRenderer[] { new CsvRenderer(), new XlsxRenderer(), new PdfRenderer() }.ToDictionary(r => r.Format, StringComparer.Ordinal);
}
