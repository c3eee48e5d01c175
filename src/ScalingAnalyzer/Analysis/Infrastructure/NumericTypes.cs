using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer.Analysis;

/// <summary>.NET's numeric types, as every interpreter of .NET data reads them (the TorchSharp values and the rows leakage follows).</summary>
internal static class NumericTypes
{
    /// <summary>Floating-point, decimal or integral.</summary>
    public static bool IsNumeric(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal
        || IsIntegral(type);

    /// <summary>Any signed or unsigned integer type of 8 to 64 bits.</summary>
    public static bool IsIntegral(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16
        or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_UInt16;
}
