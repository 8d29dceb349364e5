using System.Reflection;

namespace QualityGate.TestingPlatform;

/// <summary>What every QualityGate extension tells the platform about itself.</summary>
internal static class Extension
{
    public static readonly string Version =
        typeof(Extension).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
