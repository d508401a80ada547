using System.ComponentModel.DataAnnotations;

namespace TrustFund.Reporting.Reconciliation;

public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>Earmarking's base address, whose <c>/totals</c> the ledger is compared with.</summary>
    [Required(ErrorMessage = "Reconciliation:Earmarking (Earmarking's base address) is required.")]
    public Uri? Earmarking { get; set; }

    /// <summary>Pledges' base address, whose <c>/totals</c> the ledger is compared with.</summary>
    [Required(ErrorMessage = "Reconciliation:Pledges (Pledges' base address) is required.")]
    public Uri? Pledges { get; set; }

    /// <summary>Disbursements' base address, whose <c>/totals</c> the ledger is compared with.</summary>
    [Required(ErrorMessage = "Reconciliation:Disbursements (Disbursements' base address) is required.")]
    public Uri? Disbursements { get; set; }
}
