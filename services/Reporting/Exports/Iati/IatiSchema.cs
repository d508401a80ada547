using System.Xml;
using System.Xml.Schema;

namespace TrustFund.Reporting.Exports.Iati;

/// <summary>
/// The official IATI 2.03 activity schema, loaded from a directory holding iati-activities-schema.xsd with the
/// iati-common.xsd and xml.xsd it includes (relative to it), and validation of a document against it. The service
/// carries a verbatim copy (<c>Exports/Iati/Schema</c>, embedded) and checks every IATI file against it before filing it.
/// </summary>
public static class IatiSchema
{
    public const string ActivitiesFile = "iati-activities-schema.xsd";

    private static readonly Lazy<XmlSchemaSet> EmbeddedSet = new(() =>
    {
        var resolver = new EmbeddedResolver();
        var schemas = new XmlSchemaSet { XmlResolver = resolver };
        using var reader = XmlReader.Create(resolver.Open(ActivitiesFile),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = resolver }, EmbeddedResolver.Base + ActivitiesFile);
        schemas.Add(null, reader);
        schemas.Compile();
        return schemas;
    });

    /// <summary>The copy of the schema the service carries.</summary>
    public static XmlSchemaSet Embedded => EmbeddedSet.Value;

    /// <summary>The schema files of the copy the service carries, by name, byte for byte.</summary>
    public static byte[] EmbeddedFile(string name)
    {
        using var stream = new EmbeddedResolver().Open(name);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>Resolves the schema's includes and imports (by file name) to the copies embedded in this assembly.</summary>
    private sealed class EmbeddedResolver : XmlResolver
    {
        public const string Base = "file:///trustfund/iati/2.03/";

        public Stream Open(string name) => typeof(IatiSchema).Assembly.GetManifestResourceStream($"Iati/2.03/{name}")
            ?? throw new FileNotFoundException($"The IATI schema file {name} is not embedded in the Reporting assembly.", name);

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) => Open(Path.GetFileName(absoluteUri.AbsolutePath));
    }

    /// <summary>Where the schema is kept beside a checkout: <c>../shared/iati/2.03/</c> from the repository root.</summary>
    public static string NextTo(string repositoryRoot) => Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "iati", "2.03"));

    /// <summary>
    /// The official schema beside the checkout (<c>../shared/iati/2.03/</c>) when it is there, otherwise the copy the
    /// service carries (a test checks that the copy is the official one byte for byte wherever both are present).
    /// </summary>
    public static XmlSchemaSet Official(string repositoryRoot) =>
        File.Exists(Path.Combine(NextTo(repositoryRoot), ActivitiesFile)) ? Load(NextTo(repositoryRoot)) : Embedded;

    public static XmlSchemaSet Load(string directory)
    {
        var path = Path.Combine(directory, ActivitiesFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The IATI 2.03 activity schema is not at {path}: it must be there with iati-common.xsd and xml.xsd (shared/iati/2.03/ beside the repository).", path);
        }
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() });
        schemas.Add(null, reader);
        schemas.Compile();
        return schemas;
    }

    /// <summary>Every error and warning the schema reports for the document, with its line and position; none when it validates.</summary>
    public static IReadOnlyList<string> Validate(byte[] document, XmlSchemaSet schemas)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(document), settings);
        while (reader.Read())
        {
        }
        return problems;
    }
}
