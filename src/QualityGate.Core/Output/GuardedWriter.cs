using System.IO;
using System.Text;

namespace QualityGate.Output;

/// <summary>
/// A console writer whose every line goes through <see cref="OutputGuard.Line"/>: whatever is written, and however it
/// is split into Write calls, no line reaches the inner writer that a CI runner would run. Text is held until its line
/// ends (a line flushed in halves could be joined into a command by the terminal); <see cref="WriteCommand"/> is the
/// only way to print a workflow command, and the command writers use it for the annotations QualityGate means.
/// Disposing writes a last unfinished line and flushes; the inner writer stays open (it is usually the process's own).
/// </summary>
internal sealed class GuardedWriter : TextWriter
{
    private readonly TextWriter inner;
    private readonly StringBuilder pending = new();

    private GuardedWriter(TextWriter inner)
        : base(inner.FormatProvider)
    {
        this.inner = inner;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    public override Encoding Encoding => inner.Encoding;

    /// <summary><paramref name="writer"/> itself when it is already guarded, else a guard around it.</summary>
    public static GuardedWriter Over(TextWriter writer) => writer as GuardedWriter ?? new GuardedWriter(writer);

    public override void Write(char value)
    {
        if (value == '\n')
        {
            EndLine();
        }
        else
        {
            pending.Append(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        var start = 0;
        int end;
        while ((end = value.IndexOf('\n', start)) >= 0)
        {
            pending.Append(value, start, end - start);
            EndLine();
            start = end + 1;
        }

        pending.Append(value, start, value.Length - start);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <summary>
    /// Writes one workflow command QualityGate means to emit (an annotation, an uploaded summary), on a line of its
    /// own. Its writer has escaped the outside text in it; a line break or control character left in it by a writer's
    /// mistake still becomes '?', so it cannot add a second line.
    /// </summary>
    public void WriteCommand(string command)
    {
        if (pending.Length > 0)
        {
            EndLine();
        }

        var line = new StringBuilder(command.Length);
        foreach (var c in command)
        {
            line.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? '?' : c);
        }

        inner.WriteLine(line.ToString());
    }

    /// <summary>Flushes the lines written so far; an unfinished line waits for its end (or for disposal).</summary>
    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (pending.Length > 0)
            {
                EndLine();
            }

            inner.Flush();
        }

        base.Dispose(disposing);
    }

    private void EndLine()
    {
        var line = pending.ToString();
        pending.Clear();
        inner.WriteLine(OutputGuard.Line(line));
    }
}
