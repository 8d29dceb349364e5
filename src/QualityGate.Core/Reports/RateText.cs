using System;
using System.Globalization;

namespace QualityGate.Reports;

/// <summary>
/// How every rate and every change of a rate is written — console, coded errors, Markdown, HTML — so the same figure
/// never reads two ways: one decimal, invariant culture, "—" where there is nothing to measure.
/// </summary>
internal static class RateText
{
    /// <summary>"88.4 %". Rounds down, so a displayed value never claims a target it misses.</summary>
    public static string Percent(double value) => (Math.Floor(value * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>"88.4 %", or "—" for a rate of nothing (no coverable line, no executed test).</summary>
    public static string Percent(double? value) => value is { } v ? Percent(v) : "—";

    /// <summary>"7.1 pp" to close a gap. Rounds up, so closing the displayed gap closes the real one.</summary>
    public static string Gap(double gap) => (Math.Ceiling(gap * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture) + " pp";

    /// <summary>"0.1 pp": a setting in percentage points (a tolerance), as given.</summary>
    public static string Points(double points) => points.ToString("0.0", CultureInfo.InvariantCulture) + " pp";

    /// <summary>"+1.2 pp" or "−0.4 pp" (a true minus sign, as in print), or "—" without a before and after.</summary>
    public static string Change(double? delta) => delta is { } d
        ? (d >= 0 ? "+" : "−") + Math.Abs(d).ToString("0.0", CultureInfo.InvariantCulture) + " pp"
        : "—";
}
