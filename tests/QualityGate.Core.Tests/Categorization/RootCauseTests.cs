using QualityGate.Categorization;
using Xunit;

namespace QualityGate.Tests.Categorization;

public class RootCauseTests
{
    [Theory]
    [InlineData("Shop.OrderService.<Total>b__4_0", "Shop.OrderService.Total")]
    [InlineData("Ns.Tests.<>c__DisplayClass0_0.<Throws>b__0", "Ns.Tests.Throws")]
    [InlineData("Ns.Tests.<>c.<<ThrowsAsync>b__1_0>d.MoveNext", "Ns.Tests.ThrowsAsync")]
    [InlineData("Ns.Tests.<Prices>d__3.MoveNext", "Ns.Tests.Prices")]
    [InlineData("Ns.Tests.<Run>g__Local|0_0", "Ns.Tests.Run")]
    [InlineData("Ns.Repo`1.Get[T]", "Ns.Repo.Get")]
    [InlineData("System.Linq.Enumerable.Sum[TSource,TResult,TAccumulator]", "System.Linq.Enumerable.Sum")]
    [InlineData("Ns.Tests..ctor", "Ns.Tests..ctor")]
    [InlineData("Ns.Tests.<.ctor>b__0_0", "Ns.Tests..ctor")]
    [InlineData("Ns.Outer+Inner.Method", "Ns.Outer.Inner.Method")]
    public void A_generated_frame_name_reads_as_the_method_a_person_wrote(string frame, string expected)
    {
        Assert.Equal(expected, FrameNames.Normalize(frame));
    }

    [Fact]
    public void The_normalized_message_drops_numbers_guids_paths_quoted_values_and_generic_arity()
    {
        var facts = new FailureFacts(new FailureEvidence(
            "Ns.T.M",
            "System.InvalidOperationException : Order 4711 (3f2504e0-4f89-11d3-9a0c-0305e82c3301) in /data/orders/x.json for 'Bob' of List`1 failed after 2.5 s",
            null));

        Assert.Equal("Order # (<guid>) in <path> for '…' of List failed after # s", RootCause.NormalizeMessage(facts));
    }

    [Fact]
    public void A_failure_thrown_in_the_code_under_test_is_keyed_by_the_throwing_method_not_by_the_test()
    {
        var one = Key("Ns.Tests.A", "System.NullReferenceException : Object reference not set to an instance of an object.",
            "   at Shop.Catalog.Lookup(String sku) in /src/Catalog.cs:line 10\n   at Ns.Tests.A() in /src/Tests.cs:line 5");
        var two = Key("Ns.Tests.B", "System.NullReferenceException : Object reference not set to an instance of an object.",
            "   at Shop.Catalog.Lookup(String sku) in /src/Catalog.cs:line 12\n   at Shop.Basket.Total() in /src/Basket.cs:line 3\n   at Ns.Tests.B() in /src/Tests.cs:line 9");

        Assert.Equal("error|System.NullReferenceException|at Shop.Catalog.Lookup", one);
        Assert.Equal(one, two);
    }

    [Fact]
    public void A_library_called_straight_from_the_test_is_keyed_by_its_normalized_message()
    {
        var key = Key("Ns.Tests.Reads", "System.IO.FileNotFoundException : Could not find file '/data/seed-42.json'.",
            "   at System.IO.File.ReadAllText(String path)\n   at Ns.Tests.Reads() in /src/Tests.cs:line 5");

        Assert.Equal("environment|System.IO.FileNotFoundException|\"Could not find file '…'.\"", key);
    }

    [Fact]
    public void An_assertion_is_keyed_by_the_test_frame_that_asserted_so_theory_rows_share_it()
    {
        var row1 = Key("Ns.Tests.Adds(a: 1)", "Assert.Equal() Failure: Values differ\nExpected: 2\nActual:   3", "   at Ns.Tests.Adds(Int32 a) in /src/Tests.cs:line 5");
        var row2 = Key("Ns.Tests.Adds(a: 2)", "Assert.Equal() Failure: Values differ\nExpected: 4\nActual:   5", "   at Ns.Tests.Adds(Int32 a) in /src/Tests.cs:line 5");

        Assert.Equal("assertion|-|at Ns.Tests.Adds", row1);
        Assert.Equal(row1, row2);
    }

    [Fact]
    public void The_key_never_carries_a_line_number_so_it_survives_edits_above_the_throw()
    {
        var before = Key("Ns.Tests.A", "System.InvalidOperationException : Empty.", "   at Shop.Orders.Submit() in /src/Orders.cs:line 10");
        var after = Key("Ns.Tests.A", "System.InvalidOperationException : Empty.", "   at Shop.Orders.Submit() in /src/Orders.cs:line 57");

        Assert.Equal(before, after);
    }

    private static string Key(string test, string message, string stack) =>
        new Categorizer().Categorize(new FailureEvidence(test, message, stack)).RootCause;
}
