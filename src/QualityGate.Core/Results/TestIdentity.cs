namespace QualityGate.Results;

/// <summary>
/// A test's identity across runs and across a solution: its fully qualified name plus the data row's arguments.
/// Display names are not enough: NUnit and MSTest display a bare method name, so two classes' tests of the same name
/// would be one test, and a new failure of one would pass as the known failure of the other.
/// </summary>
internal static class TestIdentity
{
    /// <summary>
    /// "Ns.Class.Method(args)": the name when it already carries the arguments (NUnit), else the name followed by the
    /// display name's argument list (xunit "Ns.Class.Method(a: 1)", MSTest "Method (1,2)"), else the name alone.
    /// </summary>
    public static string Key(string name, string displayName)
    {
        if (name.Length == 0)
        {
            return displayName;
        }

        if (name.EndsWith(")", System.StringComparison.Ordinal))
        {
            return name;
        }

        var open = displayName.IndexOf('(');
        return open >= 0 && displayName.EndsWith(")", System.StringComparison.Ordinal)
            ? name + displayName.Substring(open)
            : name;
    }
}
