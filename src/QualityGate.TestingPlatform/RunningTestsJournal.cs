using System;
using System.Collections.Generic;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;

namespace QualityGate.TestingPlatform;

/// <summary>
/// The tests running right now, in a memory-mapped file beside the results file: a slot per running test, written
/// when it starts and cleared when it ends. Stores into a shared file mapping are in the operating system's page cache
/// at once, so the names outlive a host that dies in Environment.FailFast or a stack overflow, at the cost of a memory
/// copy per test (no system call). The controller reads the slots after a crash to name the test that was running.
/// </summary>
internal class RunningTestsJournal : IDataConsumer, IDisposable
{
    public const int Slots = 256;
    public const int SlotSize = 512;

    private readonly Dictionary<string, int> _slotByUid = new(StringComparer.Ordinal);
    private readonly Stack<int> _free = new();
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    public RunningTestsJournal(string path)
    {
        for (var slot = Slots - 1; slot >= 0; slot--)
        {
            _free.Push(slot);
        }

        using (var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
        {
            stream.SetLength(Slots * SlotSize);
            _file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        }

        _view = _file.CreateViewAccessor(0, Slots * SlotSize);
    }

    public string Uid => "QualityGate.RunningTests";

    public string Version => Extension.Version;

    public string DisplayName => "QualityGate running tests";

    public string Description => "Notes which tests are running, so that a crash of the test host can name them.";

    public Type[] DataTypesConsumed { get; } = [typeof(TestNodeUpdateMessage)];

    /// <summary>A journal the platform calls before the test body runs, when the platform can (MTP 2.5+).</summary>
    public static RunningTestsJournal Create(string path)
    {
        try
        {
            return CreateBlocking(path);
        }
        catch (TypeLoadException)
        {
            // IBlockingDataConsumer is experimental and may go; names are then written a moment later, which a test
            // that crashes at once can beat.
            return new RunningTestsJournal(path);
        }
    }

    /// <summary>The names in the journal: the tests that were running when it was last written.</summary>
    public static IReadOnlyList<(string Name, string DisplayName)> Read(string path)
    {
        var running = new List<(string, string)>();
        if (!File.Exists(path))
        {
            return running;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return running;
        }

        for (var offset = 0; offset + SlotSize <= bytes.Length; offset += SlotSize)
        {
            var length = BitConverter.ToInt32(bytes, offset);
            if (length > 0 && length <= SlotSize - 4)
            {
                var text = Encoding.UTF8.GetString(bytes, offset + 4, length);
                var split = text.IndexOf('\n', StringComparison.Ordinal);
                running.Add(split < 0 ? (text, text) : (text.Substring(0, split), text.Substring(split + 1)));
            }
        }

        return running;
    }

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        var node = ((TestNodeUpdateMessage)value).TestNode;
        var state = node.Properties.SingleOrDefault<TestNodeStateProperty>();
        var uid = node.Uid.Value;
        if (state is InProgressTestNodeStateProperty)
        {
            Start(uid, Name(node), node.DisplayName);
        }
        else if (state is not null and not DiscoveredTestNodeStateProperty)
        {
            End(uid);
        }

        return Task.CompletedTask;
    }

    public void Start(string uid, string name, string displayName)
    {
        if (_slotByUid.ContainsKey(uid) || _free.Count == 0)
        {
            return;
        }

        var slot = _free.Pop();
        _slotByUid[uid] = slot;
        var bytes = Encoding.UTF8.GetBytes(name == displayName ? name : name + "\n" + displayName);
        var length = Math.Min(bytes.Length, SlotSize - 4);
        _view.WriteArray(slot * SlotSize + 4, bytes, 0, length);
        // The length last: a reader never sees a length without its text.
        _view.Write(slot * SlotSize, length);
    }

    public void End(string uid)
    {
        if (_slotByUid.TryGetValue(uid, out var slot))
        {
            _slotByUid.Remove(uid);
            _view.Write(slot * SlotSize, 0);
            _free.Push(slot);
        }
    }

    public void Dispose()
    {
        _view.Dispose();
        _file.Dispose();
    }

    private static BlockingRunningTestsJournal CreateBlocking(string path) => new BlockingRunningTestsJournal(path);

    private static string Name(TestNode node) =>
        node.Properties.SingleOrDefault<TestMethodIdentifierProperty>() is { } method
            ? (string.IsNullOrEmpty(method.Namespace) ? string.Empty : method.Namespace + ".") + method.TypeName.Replace('+', '.') + "." + method.MethodName
            : node.DisplayName;
}

/// <summary>The journal as a blocking consumer: written before the producer (the framework) goes on to run the test.</summary>
internal sealed class BlockingRunningTestsJournal : RunningTestsJournal, IBlockingDataConsumer
{
    public BlockingRunningTestsJournal(string path)
        : base(path)
    {
    }
}
