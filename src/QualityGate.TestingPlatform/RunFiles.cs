using System;
using System.IO;

namespace QualityGate.TestingPlatform;

internal static class RunFiles
{
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // What is left behind is named after a run id no later run will use.
        }
    }
}
