using System.Security.Cryptography;
using TrustFund.Reporting.Exports;
using TrustFund.Reporting.Exports.Formats;

namespace TrustFund.UnitTests.Exports;

public sealed class ExportFileTests
{
    public static TheoryData<string> Formats => [.. ExportFormats.All.Keys];

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_same_data_at_the_same_generation_time_gives_the_same_bytes(string format)
    {
        var renderer = ExportFormats.All[format];
        var first = renderer.Render(ExportSamples.TrialBalance(), ExportSamples.Stamp);
        Thread.Sleep(1100); // a second later: nothing of the wall clock may end up in the file
        Assert.Equal(first, renderer.Render(ExportSamples.TrialBalance(), ExportSamples.Stamp));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_manifest_gives_the_files_length_and_sha256(string format)
    {
        var renderer = ExportFormats.All[format];
        var content = renderer.Render(ExportSamples.TrialBalance(), ExportSamples.Stamp);
        var ledger = new LedgerRange(3, 17, 9, ExportSamples.Stamp.ChainPosition, ExportSamples.Stamp.ChainHash);

        var manifest = ExportManifest.Of(Guid.NewGuid(), "trial-balance", renderer.Kind, "fund-asm", null, ExportSamples.From, ExportSamples.To, content, ledger,
            ExportSamples.Stamp);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(content);
        Assert.Equal(Convert.ToHexStringLower(hash.GetHashAndReset()), manifest.Sha256);
        Assert.Equal((content.LongLength, $"fund-asm_trial-balance_2026-01-01_2026-12-31.{format}"), (manifest.ByteLength, manifest.FileName));
        Assert.Equal((ExportSamples.Stamp.GeneratedAt, "finance-1", ledger), (manifest.GeneratedAt, manifest.GeneratedBy, manifest.Ledger));
    }
}
