using System.ComponentModel.DataAnnotations;

namespace TrustFund.Reporting.Exports.Iati;

/// <summary>
/// Who publishes the IATI export: the trustee (administrative agent) of the funds, as IATI knows it. Bound from
/// <c>Iati:*</c> and checked at start-up, so a malformed identifier never reaches a published file.
/// </summary>
public sealed class IatiOptions
{
    public const string Section = "Iati";

    /// <summary>The trustee's IATI organisation identifier: a registration agency prefix and its number, e.g. XM-DAC-41114.</summary>
    [Required(ErrorMessage = "Iati:ReportingOrgRef (the trustee's IATI organisation identifier) is required.")]
    [RegularExpression(@"\A[A-Z]{2}(-[A-Za-z0-9._]+)+\z",
        ErrorMessage = "Iati:ReportingOrgRef must be an IATI organisation identifier: an agency prefix and a number, e.g. XM-DAC-41114 (no spaces, /, &, | or ?).")]
    public string ReportingOrgRef { get; set; } = "";

    [Required(ErrorMessage = "Iati:ReportingOrgName (the trustee's name) is required.")]
    public string ReportingOrgName { get; set; } = "";

    /// <summary>The trustee's code on IATI's OrganisationType codelist, e.g. 40 (multilateral).</summary>
    [Required(ErrorMessage = "Iati:ReportingOrgType is required.")]
    [RegularExpression(@"\A(10|11|15|21|22|23|24|30|31|40|60|70|71|72|73|80|90)\z",
        ErrorMessage = "Iati:ReportingOrgType must be a code of IATI's OrganisationType codelist (10, 11, 15, 21-24, 30, 31, 40, 60, 70-73, 80, 90).")]
    public string ReportingOrgType { get; set; } = "";

    /// <summary>The language of the narratives (ISO 639-1).</summary>
    [RegularExpression(@"\A[a-z]{2}\z", ErrorMessage = "Iati:Language must be an ISO 639-1 code such as en.")]
    public string Language { get; set; } = "en";
}
