using PdfSharp.Fonts;

namespace TrustFund.Reporting.Exports.Formats;

/// <summary>
/// PDFsharp finds no fonts of its own on Linux. Statements are set in DejaVu Sans Condensed (Bitstream Vera licence,
/// free to redistribute), shipped inside this assembly: the PDF looks and hashes the same on every machine, whatever
/// fonts the machine has. Every family name asked for resolves to it.
/// </summary>
internal sealed class ExportFonts : IFontResolver
{
    public const string Family = "DejaVu Sans Condensed";
    private const string Regular = "DejaVuSansCondensed";
    private const string Bold = "DejaVuSansCondensed-Bold";

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(ExportFonts).Assembly.GetManifestResourceStream($"Exports/Fonts/{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the Reporting assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
