using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Services;

namespace QualityGate.TestingPlatform;

/// <summary>
/// Registers QualityGate with a Microsoft.Testing.Platform test app. Called by the entry point the platform's MSBuild
/// integration generates, for every 'TestingPlatformBuilderHook' item (the package's build file adds one), so the
/// user adds nothing but the package. Everything stays off unless the command line has '--gate'.
/// </summary>
public static class TestingPlatformBuilderHook
{
    /// <summary>Runtime setting (runtimeconfig.json) the package sets to false to leave VSTest's --logger undeclared.</summary>
    public const string LoggerHintSetting = "QualityGate.LoggerHint";

    /// <summary>Called by the generated entry point.</summary>
    public static void AddExtensions(ITestApplicationBuilder testApplicationBuilder, string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(testApplicationBuilder);
        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        var declareLogger = AppContext.GetData(LoggerHintSetting) is not string hint || !string.Equals(hint, "false", StringComparison.OrdinalIgnoreCase);
        testApplicationBuilder.CommandLine.AddProvider(() => new GateOptionsProvider(environment, declareLogger));

        var app = RunIdentity.TestApp();
        var recorder = new CompositeExtensionFactory<GateRecorder>(services =>
        {
            var options = Options(services.GetCommandLineOptions(), environment);
            var identity = RunIdentity.FromEnvironment(environment) ?? RunIdentity.Decide(
                options,
                options.ResultsDirectoryOption is { } directory ? System.IO.Path.GetFullPath(directory) : services.GetConfiguration().GetTestResultDirectory(),
                app.Name,
                app.Framework);
            var underDotnetTest = GateConsole.UnderDotnetTest(services.GetCommandLineOptions(), environment);
            return new GateRecorder(options, identity, app, producer => GateConsole.For(services.GetOutputDevice(), producer, underDotnetTest));
        });
        testApplicationBuilder.TestHost.AddDataConsumer(recorder);
        testApplicationBuilder.TestHost.AddTestSessionLifetimeHandler(recorder);
        testApplicationBuilder.TestHost.AddDataConsumer(services =>
            Options(services.GetCommandLineOptions(), environment).Enabled && RunIdentity.FromEnvironment(environment) is { } identity
                ? RunningTestsJournal.Create(identity.JournalFile)
                : new DisabledConsumer());

        var controller = new CompositeExtensionFactory<GateController>(services =>
        {
            var commandLine = services.GetCommandLineOptions();
            var underDotnetTest = GateConsole.UnderDotnetTest(commandLine, environment);
            return new GateController(
                Options(commandLine, environment),
                commandLine,
                services.GetConfiguration(),
                services.GetMessageBus(),
                app,
                environment,
                Environment.SetEnvironmentVariable,
                producer => GateConsole.For(services.GetOutputDevice(), producer, underDotnetTest));
        });
        testApplicationBuilder.TestHostControllers.AddEnvironmentVariableProvider(controller);
        testApplicationBuilder.TestHostControllers.AddProcessLifetimeHandler(controller);
    }

    /// <summary>The options, or "off" when they are invalid: the options provider has already refused them (exit 5).</summary>
    private static GateOptions Options(ICommandLineOptions commandLine, Func<string, string?> environment)
    {
        try
        {
            return GateOptions.Parse(commandLine, environment);
        }
        catch (Diagnostics.QualityGateException)
        {
            return GateOptions.Off;
        }
    }

    [SuppressMessage("Performance", "CA1812", Justification = "Instantiated by the factory above.")]
    private sealed class DisabledConsumer : IDataConsumer
    {
        public Type[] DataTypesConsumed { get; } = [typeof(Microsoft.Testing.Platform.Extensions.Messages.TestNodeUpdateMessage)];

        public string Uid => "QualityGate.RunningTests";

        public string Version => Extension.Version;

        public string DisplayName => "QualityGate running tests";

        public string Description => "Off: the run has no '--gate'.";

        public System.Threading.Tasks.Task<bool> IsEnabledAsync() => System.Threading.Tasks.Task.FromResult(false);

        public System.Threading.Tasks.Task ConsumeAsync(
            Microsoft.Testing.Platform.Extensions.Messages.IDataProducer dataProducer,
            Microsoft.Testing.Platform.Extensions.Messages.IData value,
            System.Threading.CancellationToken cancellationToken) => System.Threading.Tasks.Task.CompletedTask;
    }
}
