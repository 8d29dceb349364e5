using System;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace QualityGate.AdapterTests;

/// <summary>VSTest's logger events, raised by the test as vstest.console raises them.</summary>
internal sealed class FakeTestLoggerEvents : TestLoggerEvents
{
    public override event EventHandler<TestRunMessageEventArgs>? TestRunMessage;

    public override event EventHandler<TestRunStartEventArgs>? TestRunStart;

    public override event EventHandler<TestResultEventArgs>? TestResult;

    public override event EventHandler<TestRunCompleteEventArgs>? TestRunComplete;

    public override event EventHandler<DiscoveryStartEventArgs>? DiscoveryStart;

    public override event EventHandler<TestRunMessageEventArgs>? DiscoveryMessage;

    public override event EventHandler<DiscoveredTestsEventArgs>? DiscoveredTests;

    public override event EventHandler<DiscoveryCompleteEventArgs>? DiscoveryComplete;

    public void Start(TestRunStartEventArgs e) => TestRunStart?.Invoke(this, e);

    public void Result(TestResultEventArgs e) => TestResult?.Invoke(this, e);

    public void Message(TestRunMessageEventArgs e) => TestRunMessage?.Invoke(this, e);

    public void Complete(TestRunCompleteEventArgs e) => TestRunComplete?.Invoke(this, e);

    // Discovery is not recorded; raising these keeps the compiler from calling the events unused.
    public void Discover()
    {
        DiscoveryStart?.Invoke(this, new DiscoveryStartEventArgs(new DiscoveryCriteria()));
        DiscoveryMessage?.Invoke(this, new TestRunMessageEventArgs(TestMessageLevel.Informational, "discovering"));
        DiscoveredTests?.Invoke(this, new DiscoveredTestsEventArgs([]));
        DiscoveryComplete?.Invoke(this, new DiscoveryCompleteEventArgs(0, false));
    }
}
