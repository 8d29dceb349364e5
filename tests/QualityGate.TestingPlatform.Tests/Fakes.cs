using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.Services;
using Microsoft.Testing.Platform.TestHost;

namespace QualityGate.TestingPlatform.Tests;

/// <summary>A command line as the platform parsed it: option name (without dashes) to its arguments.</summary>
internal sealed class FakeCommandLine(Dictionary<string, string[]> options) : ICommandLineOptions
{
    public static FakeCommandLine Of(params string[] tokens)
    {
        var options = new Dictionary<string, string[]>();
        string? current = null;
        foreach (var token in tokens)
        {
            if (token.StartsWith("--", StringComparison.Ordinal))
            {
                current = token[2..];
                options[current] = [];
            }
            else
            {
                options[current!] = [.. options[current!], token];
            }
        }

        return new FakeCommandLine(options);
    }

    public bool IsOptionSet(string optionName) => options.ContainsKey(optionName);

    public bool TryGetOptionArgumentList(string optionName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string[]? arguments) => options.TryGetValue(optionName, out arguments);
}

/// <summary>The message bus: keeps what is published.</summary>
internal sealed class FakeMessageBus : IMessageBus
{
    public List<IData> Published { get; } = [];

    public Task PublishAsync(IDataProducer dataProducer, IData data)
    {
        if (Array.IndexOf(dataProducer.DataTypesProduced, data.GetType()) < 0)
        {
            throw new InvalidOperationException($"{dataProducer.Uid} does not declare {data.GetType()}");
        }

        Published.Add(data);
        return Task.CompletedTask;
    }
}

internal sealed class FakeSession(CancellationToken cancellationToken = default) : ITestSessionContext
{
    public SessionUid SessionUid { get; } = new("session");

    public CancellationToken CancellationToken { get; } = cancellationToken;
}

internal sealed class FakeProducer : IDataProducer
{
    public Type[] DataTypesProduced { get; } = [typeof(TestNodeUpdateMessage), typeof(SessionFileArtifact)];

    public string Uid => "fake-framework";

    public string Version => "1.0";

    public string DisplayName => Uid;

    public string Description => Uid;

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);
}

/// <summary>Builds test nodes the way xunit v3, MSTest and TUnit send them.</summary>
internal static class Nodes
{
    public static TestNodeUpdateMessage Update(TestNode node) => new(new SessionUid("session"), node);

    public static TestNode Node(string type, string method, IProperty state, string? displayName = null, params IProperty[] more)
    {
        var node = new TestNode { Uid = new TestNodeUid(type + "." + method), DisplayName = displayName ?? method };
        node.Properties.Add(state);
        var dot = type.LastIndexOf('.');
        node.Properties.Add(new TestMethodIdentifierProperty("Tests, Version=1.0.0.0", type[..dot], type[(dot + 1)..], method, 0, [], "System.Void"));
        foreach (var property in more)
        {
            node.Properties.Add(property);
        }

        return node;
    }

    public static Exception Thrown(Func<Exception> create)
    {
        try
        {
            throw create();
        }
        catch (Exception e)
        {
            return e;
        }
    }
}

internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qg-mtp-" + Guid.NewGuid().ToString("N")[..8]);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
