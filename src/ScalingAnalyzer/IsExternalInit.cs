namespace System.Runtime.CompilerServices;

/// <summary>
/// The marker type the C# compiler needs for <c>init</c> accessors and records; netstandard2.0 (the target analyzers
/// must have to load in every host) does not define it.
/// </summary>
internal static class IsExternalInit
{
}
