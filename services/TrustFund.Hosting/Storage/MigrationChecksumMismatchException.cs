namespace TrustFund.Hosting.Storage;

public sealed class MigrationChecksumMismatchException(string id, string applied, string current)
    : Exception($"Migration '{id}' was applied with checksum {applied} but the file now has checksum {current}. " +
                "Applied migrations must never be edited: restore the original file and add a new numbered migration instead.")
{
    public string MigrationId { get; } = id;
}
