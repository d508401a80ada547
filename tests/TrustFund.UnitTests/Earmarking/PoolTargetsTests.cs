using TrustFund.Contracts.Messages;
using TrustFund.Earmarking.Pools;
using TrustFund.Earmarking.Structure;

namespace TrustFund.UnitTests.Earmarking;

public sealed class PoolTargetsTests
{
    private static readonly FundRow Fund = new("f", "Fund", "USD", 0.01m, "voluntary", 0m, false, 1, DateTimeOffset.UnixEpoch, "m");

    private static WindowRow Window(string status = "open") => new("f", "mercury", "Mercury", status, 1, DateTimeOffset.UnixEpoch, "m");

    private static ProjectRow Project(string status = "open", string windowStatus = "open", string window = "mercury") =>
        new("f", "p1", window, "P1", "lead", "partner", status, windowStatus, 100m, 0m, 0m, "USD", 1, DateTimeOffset.UnixEpoch, "m");

    private static readonly Earmark ToWindow = new() { Kind = EarmarkKinds.Window, WindowId = "mercury" };
    private static readonly Earmark ToProject = new() { Kind = EarmarkKinds.Project, WindowId = "mercury", ProjectId = "p1" };

    [Fact]
    public void Unearmarked_money_goes_to_core() =>
        Assert.Equal(new PoolTarget("purpose", "core", "", null), PoolTargets.Resolve(Earmark.Unearmarked, Fund, null, null));

    [Fact]
    public void Window_money_goes_to_the_open_window() =>
        Assert.Equal(new PoolTarget("purpose", "mercury", "", null), PoolTargets.Resolve(ToWindow, Fund, Window(), null));

    [Fact]
    public void Project_money_goes_to_the_open_project() =>
        Assert.Equal(new PoolTarget("purpose", "mercury", "p1", null), PoolTargets.Resolve(ToProject, Fund, Window(), Project()));

    [Fact]
    public void Unknown_fund_holds_even_unearmarked_money_in_suspense() =>
        Assert.Equal(SuspenseReasons.UnknownFund, PoolTargets.Resolve(Earmark.Unearmarked, null, null, null).SuspenseReason);

    [Fact]
    public void Closed_or_unknown_targets_go_to_suspense_keeping_what_the_donor_named()
    {
        Assert.Equal(SuspenseReasons.UnknownWindow, PoolTargets.Resolve(ToWindow, Fund, null, null).SuspenseReason);
        Assert.Equal(SuspenseReasons.WindowClosed, PoolTargets.Resolve(ToWindow, Fund, Window("closed"), null).SuspenseReason);
        Assert.Equal(SuspenseReasons.UnknownProject, PoolTargets.Resolve(ToProject, Fund, Window(), null).SuspenseReason);
        Assert.Equal(SuspenseReasons.ProjectClosed, PoolTargets.Resolve(ToProject, Fund, Window(), Project("closed")).SuspenseReason);
        Assert.Equal(SuspenseReasons.WindowClosed, PoolTargets.Resolve(ToProject, Fund, Window(), Project(windowStatus: "closed")).SuspenseReason);
        Assert.Equal(SuspenseReasons.ProjectNotInWindow, PoolTargets.Resolve(ToProject, Fund, Window(), Project(window: "gold")).SuspenseReason);

        var held = PoolTargets.Resolve(ToProject, Fund, Window(), null);
        Assert.Equal(("suspense", "mercury", "p1"), (held.PoolKind, held.WindowId, held.ProjectId));
    }

    [Theory]
    [InlineData("core", "", "unearmarked")]
    [InlineData("mercury", "", "window")]
    [InlineData("mercury", "p1", "project")]
    public void Earmark_level_of_a_pool(string window, string project, string kind) =>
        Assert.Equal(kind, PoolTargets.EarmarkKindOf(window, project));
}
