using System.Collections.Generic;

namespace QualityGate.Categorization;

/// <summary>
/// The words a runtime writes into a stack frame: "   {at} Ns.Type.Method(args) {in file:line}", from its resources
/// Word_At and StackTrace_InFileLineNumber. .NET (Core) writes them in English only (dotnet/runtime's CoreLib
/// Strings.resx: "at", "in {0}:line {1}"; its exceptions are not localized, dotnet/core#2770), but a .NET Framework test
/// host with a language pack, or Mono, writes its own language's, e.g. German "bei … in {0}:Zeile {1}.". These are the
/// .NET Framework translations of those two resources.
/// </summary>
internal static class StackTraceWords
{
    /// <summary>(Word_At, StackTrace_InFileLineNumber) per language; "{0}" is the file, "{1}" the line.</summary>
    public static readonly IReadOnlyList<(string At, string InFileLine)> Languages =
    [
        ("at", "in {0}:line {1}"),
        ("bei", "in {0}:Zeile {1}."),
        ("à", "dans {0}:ligne {1}"),
        ("場所", "場所 {0}:行 {1}"),
        ("عند", "في {0}:السطر {1}"),
        ("在", "位置 {0}:行号 {1}"),
        ("於", "於 {0}: 行 {1}"),
        ("v", "v {0}:řádek {1}"),
        ("ved", "i {0}:linje {1}"),
        ("bij", "in {0}:regel {1}"),
        ("kohteessa", "tiedostossa {0}:rivillä {1}"),
        ("σε", "στο {0}:γραμμή {1}"),
        ("ב-", "ב- {0}:שורה {1}"),
        ("a következő helyen:", "hely: {0}, sor: {1}"),
        ("in", "in {0}:riga {1}"),
        ("위치:", "파일 {0}:줄 {1}"),
        ("w", "w {0}:wiersz {1}"),
        ("em", "na {0}:linha {1}"),
        ("em", "em {0}:line {1}"),
        ("в", "в {0}:строка {1}"),
        ("en", "en {0}:línea {1}"),
        ("vid", "i {0}:rad {1}"),
        ("konum:", "{0} içinde: satır {1}"),

        // Mono (and Unity): "at Ns.Type.Method () [0x0001b] in /path/file.cs:42", no word for the line.
        ("at", "in {0}:{1}"),
    ];
}
