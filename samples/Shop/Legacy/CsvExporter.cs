namespace Shop.Legacy;

public static class CsvExporter
{
    public static string Line(string?[] fields) => string.Join(",", fields.Select(f => f!.Replace(",", ";")));
}
