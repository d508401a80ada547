using System.Xml;
using System.Xml.Schema;

namespace TrustFund.Reporting.Exports.Iati;

/// <summary>
/// The official IATI 2.03 activity schema, loaded from a directory holding iati-activities-schema.xsd with the
/// iati-common.xsd and xml.xsd it includes (relative to it), and validation of a document against it.
/// </summary>
public static class IatiSchema
{
    public const string ActivitiesFile = "iati-activities-schema.xsd";

    /// <summary>Where the schema is kept beside a checkout: <c>../shared/iati/2.03/</c> from the repository root.</summary>
    public static string NextTo(string repositoryRoot) => Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "iati", "2.03"));

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
