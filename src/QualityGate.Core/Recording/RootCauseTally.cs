using System.Collections.Generic;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>The failures of one root cause seen so far in a run: how many, and the first few, for the console.</summary>
internal sealed class RootCauseTally
{
    /// <summary>Test names kept per root cause; the count goes on beyond.</summary>
    public const int NamesKept = 3;

    public RootCauseTally(string key, TestResultRecord first)
    {
        Key = key;
        First = first;
    }

    public string Key { get; }

    public TestResultRecord First { get; }

    public int Count { get; private set; }

    public List<string> Tests { get; } = [];

    public void Add(TestResultRecord record)
    {
        Count++;
        if (Tests.Count < NamesKept)
        {
            Tests.Add(record.DisplayName);
        }
    }

    /// <summary>"System.NullReferenceException at Shop.Catalog.Lookup": the key without its category.</summary>
    public static string Describe(string key)
    {
        var parts = key.Split(['|'], 3);
        if (parts.Length < 3)
        {
            return key;
        }

        return parts[1] == "-" ? parts[2] : parts[1] + " " + parts[2];
    }
}
