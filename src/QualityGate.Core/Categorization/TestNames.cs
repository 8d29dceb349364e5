namespace QualityGate.Categorization;

/// <summary>Splits fully qualified test names, which may carry arguments: "Ns.Class.Method(1, \"a.b\")".</summary>
internal static class TestNames
{
    /// <summary>The name without its argument list.</summary>
    public static string WithoutArguments(string name)
    {
        var paren = name.IndexOf('(');
        return paren < 0 ? name : name.Substring(0, paren);
    }

    /// <summary>The class part of a fully qualified test name, nested classes joined with '.'.</summary>
    public static string ClassOf(string name)
    {
        var bare = WithoutArguments(name).Replace('+', '.');
        var dot = bare.LastIndexOf('.');
        return dot <= 0 ? bare : bare.Substring(0, dot);
    }
}
