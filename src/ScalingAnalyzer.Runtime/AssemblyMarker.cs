namespace ScalingAnalyzer.Runtime;
internal static class AssemblyMarker { }
