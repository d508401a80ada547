using System.Diagnostics;

namespace TrustFund.Tests.Shared;

/// <summary>
/// Reads a PDF the way a person's reader does, with Debian's poppler-utils (installed by deploy/local/infra.sh): its
/// text as laid out on the pages, and its page count. A file poppler has to repair (a broken cross-reference table, a
/// wrong stream length) fails here, so the check is also one of the file's structure.
/// </summary>
public static class Poppler
{
    public static string Text(byte[] pdf) => Run("pdftotext", pdf, "-layout", "-enc", "UTF-8");

    public static int Pages(byte[] pdf)
    {
        var info = Run("pdfinfo", pdf);
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Run(string tool, byte[] pdf, params string[] options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, [.. options, path, .. tool == "pdftotext" ? new[] { "-" } : []])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            }) ?? throw new InvalidOperationException($"{tool} did not start (poppler-utils is installed by deploy/local/infra.sh).");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || errors.Contains("Error", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"{tool} found the PDF broken (exit {process.ExitCode}): {errors}");
            }
            return output.Result;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
