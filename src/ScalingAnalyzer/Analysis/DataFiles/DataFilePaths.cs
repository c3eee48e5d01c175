using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.DataFiles;

/// <summary>
/// The compile-time end of a path expression, the way real code writes where its data lives: string constants and
/// consts, <c>Path.Combine</c>/<c>Path.Join</c>/<c>Path.GetFullPath</c>, interpolated strings and <c>+</c>, locals
/// written once, fields and properties whose initializer is the only write, and small helpers of the project
/// (<c>GetAbsolutePath(relativePath)</c> returning <c>Path.Combine(assemblyFolder, relativePath)</c>), to a bounded
/// depth. Run-time parts (<c>AppContext.BaseDirectory</c>, <c>Environment.CurrentDirectory</c>, a parameter) end the
/// known suffix: the rest is matched against the AdditionalFiles' paths by <see cref="DataFilePath.IsSuffixOf"/>.
/// </summary>
internal static class DataFilePaths
{
    private const int MaxDepth = 6;

    public static DataFilePath? Evaluate(IOperation? path, CancellationToken cancellationToken, ParameterConstants? constants = null)
    {
        if (path is null)
            return null;
        var text = new Evaluator(cancellationToken, constants).Evaluate(path, parameters: null, depth: 0);
        return text.Text.Length == 0 ? null : DataFilePath.FromText(text.Text, text.IsComplete);
    }

    /// <summary>
    /// Whether the path is only known at run time: a command-line argument (<c>args[1]</c> of the entry point,
    /// <c>Environment.GetCommandLineArgs()</c>), a line read from the console, an environment variable, or a local or
    /// parameter holding one on every call (<c>new Trainer().Train(args[1], args[2])</c>: Packt's chapters). Such a
    /// read names no file the analysis can judge, so the view it loads is unknown, unless the code states a file
    /// another way (<c>args.Length > 0 ? args[0] : "Data/houses.csv"</c> reads the constant, see <see cref="Evaluate"/>).
    /// </summary>
    public static bool IsRunTimeInput(IOperation? path, CancellationToken cancellationToken, ParameterConstants? constants)
        => path is not null && new Evaluator(cancellationToken, constants).IsRunTimeInput(path, depth: 0);

    /// <summary>At most this many files one path may name (<see cref="EvaluateEither"/>).</summary>
    public const int MaxAlternatives = 4;

    /// <summary>
    /// The paths a path expression may name when it is one of a few, decided at run time: a conditional
    /// (<c>train ? "Data/train.csv" : "Data/test.csv"</c>, directly or in a local written once), or the variable of a
    /// <c>foreach</c> over an array of paths written in the code (<c>foreach (var file in new[] { "a.csv", "b.csv" })</c>,
    /// or a local or field initialized with one). Default when it is not such an expression or any choice is not known.
    /// </summary>
    public static ImmutableArray<DataFilePath> EvaluateEither(IOperation? path, CancellationToken cancellationToken)
    {
        if (path is null)
            return default;
        var choices = new List<IOperation>();
        if (!Choices(path, choices, depth: 0) || choices.Count < 2 || choices.Count > MaxAlternatives)
            return Templated(path, cancellationToken);
        var builder = ImmutableArray.CreateBuilder<DataFilePath>(choices.Count);
        foreach (var choice in choices)
        {
            if (Evaluate(choice, cancellationToken) is not { } known)
                return default;
            builder.Add(known);
        }
        return builder.MoveToImmutable();
    }

    /// <summary>
    /// A path built around one part chosen among a few texts: <c>$"Data/{name}.csv"</c> or <c>Path.Combine("Data", name +
    /// ".csv")</c> inside <c>foreach (var name in new[] { "north", "south" })</c>, or with <c>name</c> a local set once by a
    /// conditional or a switch expression. Each choice put in its place names one path; default when the path has no
    /// such part, more than one, or a choice that is not a known text.
    /// </summary>
    private static ImmutableArray<DataFilePath> Templated(IOperation path, CancellationToken cancellationToken)
    {
        var evaluator = new Evaluator(cancellationToken, null);
        ILocalSymbol? chosen = null;
        if (!FindChosenPart(path, evaluator, ref chosen, depth: 0) || chosen is null)
            return default;
        var choices = new List<IOperation>();
        IOperation? reference = null;
        foreach (var operation in path.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, chosen))
            {
                reference = local;
                break;
            }
        }
        reference ??= FirstReferenceThroughWrites(path, chosen, evaluator, depth: 0);
        if (reference is null || !Choices(reference, choices, depth: 0) || choices.Count < 2 || choices.Count > MaxAlternatives)
            return default;
        var builder = ImmutableArray.CreateBuilder<DataFilePath>(choices.Count);
        foreach (var choice in choices)
        {
            if (choice.ConstantValue is not { HasValue: true, Value: string text })
                return default;
            var known = evaluator.EvaluateWith(path, chosen, text);
            if (known.Text.Length == 0 || DataFilePath.FromText(known.Text, known.IsComplete) is not { } filePath)
                return default;
            builder.Add(filePath);
        }
        return builder.MoveToImmutable();
    }

    /// <summary>The one local of the path (directly, or in the value of a local written once) that is chosen among texts.</summary>
    private static bool FindChosenPart(IOperation operation, Evaluator evaluator, ref ILocalSymbol? chosen, int depth)
    {
        if (depth > MaxDepth)
            return false;
        foreach (var part in operation.DescendantsAndSelf())
        {
            if (part is not ILocalReferenceOperation local)
                continue;
            if (ForEachOver(local) is not null || evaluator.SingleWriteOf(local) is IConditionalOperation or ISwitchExpressionOperation)
            {
                if (chosen is not null && !SymbolEqualityComparer.Default.Equals(chosen, local.Local))
                    return false;
                chosen = local.Local;
            }
            else if (evaluator.SingleWriteOf(local) is { } written && !FindChosenPart(written, evaluator, ref chosen, depth + 1))
                return false;
        }
        return true;
    }

    private static IOperation? FirstReferenceThroughWrites(IOperation operation, ILocalSymbol chosen, Evaluator evaluator, int depth)
    {
        if (depth > MaxDepth)
            return null;
        foreach (var part in operation.DescendantsAndSelf())
        {
            if (part is not ILocalReferenceOperation local)
                continue;
            if (SymbolEqualityComparer.Default.Equals(local.Local, chosen))
                return local;
            if (evaluator.SingleWriteOf(local) is { } written && FirstReferenceThroughWrites(written, chosen, evaluator, depth + 1) is { } found)
                return found;
        }
        return null;
    }

    private static bool Choices(IOperation operation, List<IOperation> choices, int depth)
    {
        if (depth > MaxDepth || choices.Count > MaxAlternatives)
            return false;
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        switch (operation)
        {
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Branch(conditional.WhenTrue, choices, depth) && Branch(whenFalse, choices, depth);
            case ILocalReferenceOperation local when ForEachOver(local) is { } collection:
                return Elements(collection, choices, depth);
            case ISwitchExpressionOperation switchExpression:
                // split switch { Split.Train => "train.csv", Split.Test => "test.csv", _ => throw ... }: every arm that gives a path.
                foreach (var arm in switchExpression.Arms)
                {
                    if (!Throws(arm.Value) && !Branch(arm.Value, choices, depth))
                        return false;
                }
                return true;
            case ILocalReferenceOperation local when new Evaluator(CancellationToken.None, null).SingleWriteOf(local) is (IConditionalOperation or ISwitchExpressionOperation) and var written:
                return Choices(written, choices, depth + 1);
            default:
                return false;
        }
    }

    /// <summary>An arm or branch that throws (<c>_ => throw new ArgumentOutOfRangeException(...)</c>) names no file.</summary>
    private static bool Throws(IOperation value)
    {
        while (value is IConversionOperation conversion)
            value = conversion.Operand;
        return value is IThrowOperation;
    }

    private static bool Branch(IOperation branch, List<IOperation> choices, int depth)
    {
        var stripped = branch;
        while (stripped is IConversionOperation conversion)
            stripped = conversion.Operand;
        if (stripped is IConditionalOperation or ISwitchExpressionOperation)
            return Choices(stripped, choices, depth + 1);
        choices.Add(branch);
        return true;
    }

    /// <summary>The collection a foreach walks when <paramref name="local"/> is its variable.</summary>
    private static IOperation? ForEachOver(ILocalReferenceOperation local)
    {
        for (var parent = local.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IForEachLoopOperation loop && loop.Locals.Contains(local.Local, SymbolEqualityComparer.Default)
                && loop.LoopControlVariable is IVariableDeclaratorOperation { Symbol: var variable } && SymbolEqualityComparer.Default.Equals(variable, local.Local))
                return loop.Collection;
        }
        return null;
    }

    /// <summary>The elements of an array of paths written in the code, directly or in a local or field initialized with it.</summary>
    private static bool Elements(IOperation collection, List<IOperation> choices, int depth)
    {
        while (collection is IConversionOperation conversion)
            collection = conversion.Operand;
        if (collection is ILocalReferenceOperation local && new Evaluator(CancellationToken.None, null).SingleWriteOf(local) is { } written)
            return depth < MaxDepth && Elements(written, choices, depth + 1);
        if (collection is IFieldReferenceOperation { Field: { IsReadOnly: true } field } && field.DeclaringSyntaxReferences.Length == 1
            && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            && field.ContainingAssembly is ISourceAssemblySymbol { Compilation: var compilation } && compilation.ContainsSyntaxTree(initializer.SyntaxTree)
            && compilation.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer) is { } fieldValue)
            return depth < MaxDepth && Elements(fieldValue, choices, depth + 1);
        if (collection is IArrayCreationOperation { Initializer: { } arrayInitializer })
        {
            choices.AddRange(arrayInitializer.ElementValues);
            return true;
        }
        // static readonly string[] Files = { "a.csv", "b.csv" };
        if (collection is IArrayInitializerOperation bare)
        {
            choices.AddRange(bare.ElementValues);
            return true;
        }
        return false;
    }

    /// <summary>A known trailing text, complete when nothing before it is unknown.</summary>
    private readonly struct PathText : IEquatable<PathText>
    {
        public static readonly PathText Unknown = new("", false);

        public PathText(string text, bool isComplete)
        {
            Text = text;
            IsComplete = isComplete;
        }

        public string Text { get; }
        public bool IsComplete { get; }

        public static PathText Concat(PathText left, PathText right)
            => right.IsComplete ? new PathText(left.Text + right.Text, left.IsComplete) : right;

        public static PathText Combine(PathText left, PathText right)
        {
            if (right.IsComplete && IsRooted(right.Text))
                return right;
            if (left.Text.Length == 0 && left.IsComplete)
                return right;
            return Concat(new PathText(left.Text + "/", left.IsComplete), right);
        }

        public bool Equals(PathText other) => Text == other.Text && IsComplete == other.IsComplete;

        public override bool Equals(object? obj) => obj is PathText other && Equals(other);

        public override int GetHashCode() => (Text.GetHashCode() * 397) ^ IsComplete.GetHashCode();

        private static bool IsRooted(string text)
            => text.StartsWith("/", StringComparison.Ordinal) || text.StartsWith("\\", StringComparison.Ordinal)
               || (text.Length >= 2 && text[1] == ':');
    }

    private sealed class Evaluator
    {
        private readonly CancellationToken cancellationToken;
        private readonly ParameterConstants? constants;
        private ILocalSymbol? chosenLocal;
        private string? chosenText;

        /// <summary>The path with <paramref name="local"/> standing for <paramref name="text"/> (one choice of a templated path).</summary>
        public PathText EvaluateWith(IOperation path, ILocalSymbol local, string text)
        {
            (chosenLocal, chosenText) = (local, text);
            try
            {
                return Evaluate(path, parameters: null, depth: 0);
            }
            finally
            {
                (chosenLocal, chosenText) = (null, null);
            }
        }

        public Evaluator(CancellationToken cancellationToken, ParameterConstants? constants)
        {
            this.cancellationToken = cancellationToken;
            this.constants = constants;
        }

        public PathText Evaluate(IOperation operation, Dictionary<IParameterSymbol, PathText>? parameters, int depth)
        {
            if (depth > MaxDepth)
                return PathText.Unknown;
            cancellationToken.ThrowIfCancellationRequested();
            while (operation is IConversionOperation conversion)
                operation = conversion.Operand;
            if (operation.ConstantValue is { HasValue: true, Value: string constant })
                return new PathText(constant, true);
            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    return Interpolated(interpolated, parameters, depth);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add when add.Type?.SpecialType == SpecialType.System_String:
                    return PathText.Concat(Evaluate(add.LeftOperand, parameters, depth + 1), Evaluate(add.RightOperand, parameters, depth + 1));
                case IInvocationOperation invocation:
                    return Invocation(invocation, parameters, depth);
                case IParameterReferenceOperation parameter:
                    if (parameters is not null && parameters.TryGetValue(parameter.Parameter, out var bound))
                        return bound;
                    // LoadIDataViewFromFile(mlContext, inputDataFilePath, ...): what every call of the method passes.
                    if (parameters is not null || constants is null)
                        return PathText.Unknown;
                    if (constants.ConstantOf(parameter, cancellationToken) is { HasValue: true, Value: string passed })
                        return new PathText(passed, true);
                    // trainer.LoadCsv(Path.Combine(AppContext.BaseDirectory, "Data", "credit.csv")): the path every call
                    // names, read in the caller, when all calls name the same one.
                    return constants.AgreedByEveryCall(parameter.Parameter, argument => Evaluate(argument, null, depth + 1) is { Text.Length: > 0 } text
                                   ? new Optional<PathText>(text)
                                   : default, cancellationToken) is { HasValue: true } agreed
                        ? agreed.Value
                        : PathText.Unknown;
                case ILocalReferenceOperation local when chosenText is not null && SymbolEqualityComparer.Default.Equals(local.Local, chosenLocal):
                    return new PathText(chosenText, true);
                case ILocalReferenceOperation local:
                    return SingleWrite(local) is { } value ? Evaluate(value, parameters, depth + 1) : PathText.Unknown;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Alternative(conditional.WhenTrue, whenFalse, parameters, depth);
                case ICoalesceOperation coalesce:
                    return Alternative(coalesce.Value, coalesce.WhenNull, parameters, depth);
                case ISwitchExpressionOperation switchExpression:
                    return SameOnEveryArm(switchExpression, parameters, depth);
                case IFieldReferenceOperation field:
                    return Initializer(field.Field, depth);
                case IPropertyReferenceOperation { Arguments.Length: 0 } property:
                    return Initializer(property.Property, depth);
                default:
                    return PathText.Unknown;
            }
        }

        /// <summary>
        /// <c>args.Length > 0 ? args[0] : "Data/houses.csv"</c>, <c>GetEnvironmentVariable("DATA") ?? "data.csv"</c>:
        /// the file the code names when the run-time input is not given; the same text on both sides is that text.
        /// </summary>
        private PathText Alternative(IOperation first, IOperation second, Dictionary<IParameterSymbol, PathText>? parameters, int depth)
        {
            var a = Evaluate(first, parameters, depth + 1);
            var b = Evaluate(second, parameters, depth + 1);
            if (a.Text.Length > 0 && b.Text.Length > 0)
                return a.Text == b.Text && a.IsComplete == b.IsComplete ? a : PathText.Unknown;
            if (a.Text.Length > 0 && IsRunTimeInput(second, depth + 1))
                return a;
            if (b.Text.Length > 0 && IsRunTimeInput(first, depth + 1))
                return b;
            return PathText.Unknown;
        }

        /// <summary>A switch expression whose arms that do not throw all give the same known text: that text.</summary>
        private PathText SameOnEveryArm(ISwitchExpressionOperation switchExpression, Dictionary<IParameterSymbol, PathText>? parameters, int depth)
        {
            PathText? same = null;
            foreach (var arm in switchExpression.Arms)
            {
                if (Throws(arm.Value))
                    continue;
                var text = Evaluate(arm.Value, parameters, depth + 1);
                if (text.Text.Length == 0 || same is { } earlier && (earlier.Text != text.Text || earlier.IsComplete != text.IsComplete))
                    return PathText.Unknown;
                same = text;
            }
            return same ?? PathText.Unknown;
        }

        public bool IsRunTimeInput(IOperation operation, int depth)
        {
            if (depth > MaxDepth)
                return false;
            cancellationToken.ThrowIfCancellationRequested();
            while (operation is IConversionOperation conversion)
                operation = conversion.Operand;
            switch (operation)
            {
                case IArrayElementReferenceOperation element:
                    return IsCommandLine(element.ArrayReference);
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (IsSystemType(method.ContainingType, "Console") && method.Name == "ReadLine"
                        || IsSystemType(method.ContainingType, "Environment") && method.Name == "GetEnvironmentVariable")
                        return true;
                    // args.First(), args.ElementAt(1), args.Skip(1).First(): an element of the command line.
                    if (method.IsExtensionMethod && method.Name is "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "ElementAt" or "ElementAtOrDefault" or "Single"
                        && invocation.Arguments.Length > 0)
                        return IsCommandLine(invocation.Arguments[0].Value);
                    if (method.ContainingType is { Name: "Path", ContainingNamespace: { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }
                        && method.Name is "GetFullPath" or "Combine" or "Join" && invocation.Arguments.Length == 1)
                        return IsRunTimeInput(invocation.Arguments[0].Value, depth + 1);
                    return false;
                case ILocalReferenceOperation local:
                    return SingleWrite(local) is { } value && IsRunTimeInput(value, depth + 1);
                case IParameterReferenceOperation parameter:
                    return constants is not null
                           && constants.EveryCallPasses(parameter.Parameter, argument => IsRunTimeInput(argument, depth + 1), cancellationToken);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return IsRunTimeInput(conditional.WhenTrue, depth + 1) && IsRunTimeInput(whenFalse, depth + 1);
                case ICoalesceOperation coalesce:
                    return IsRunTimeInput(coalesce.Value, depth + 1) && IsRunTimeInput(coalesce.WhenNull, depth + 1);
                default:
                    return false;
            }
        }

        /// <summary>The entry point's <c>args</c> (of <c>Main</c> or of top-level statements), or <c>Environment.GetCommandLineArgs()</c>.</summary>
        private static bool IsCommandLine(IOperation array)
        {
            while (array is IConversionOperation conversion)
                array = conversion.Operand;
            return array switch
            {
                IParameterReferenceOperation { Parameter: { Type: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String }, ContainingSymbol: IMethodSymbol { IsStatic: true, Name: "Main" or "<Main>$" } } } => true,
                IInvocationOperation { TargetMethod: { Name: "GetCommandLineArgs" } method } => IsSystemType(method.ContainingType, "Environment"),
                _ => false,
            };
        }

        private static bool IsSystemType(INamedTypeSymbol? type, string name)
            => type is not null && type.Name == name && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

        private PathText Interpolated(IInterpolatedStringOperation interpolated, Dictionary<IParameterSymbol, PathText>? parameters, int depth)
        {
            var result = new PathText("", true);
            foreach (var part in interpolated.Parts)
            {
                var value = part switch
                {
                    IInterpolatedStringTextOperation text => text.Text.ConstantValue is { HasValue: true, Value: string literal } ? new PathText(literal, true) : PathText.Unknown,
                    IInterpolationOperation { Alignment: null, FormatString: null } hole => IntegralText(hole.Expression) ?? Evaluate(hole.Expression, parameters, depth + 1),
                    _ => PathText.Unknown,
                };
                result = PathText.Concat(result, value);
            }
            return result;
        }

        /// <summary>
        /// <c>$"sales-{Year}.csv"</c> with <c>const int Year = 2024</c>: an integral constant is written the same in every
        /// culture. Other numbers (a decimal separator, a format) are not read.
        /// </summary>
        private static PathText? IntegralText(IOperation hole)
        {
            while (hole is IConversionOperation conversion)
                hole = conversion.Operand;
            return hole.ConstantValue is { HasValue: true, Value: int or long or short or byte or sbyte or ushort or uint or ulong } constant
                ? new PathText(Convert.ToString(constant.Value, System.Globalization.CultureInfo.InvariantCulture)!, true)
                : null;
        }

        private PathText Invocation(IInvocationOperation invocation, Dictionary<IParameterSymbol, PathText>? parameters, int depth)
        {
            var method = invocation.TargetMethod;
            if (method.ContainingType is { Name: "Path", ContainingNamespace: { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                switch (method.Name)
                {
                    case "Combine" or "Join":
                        return Combine(invocation, parameters, depth);
                    case "GetFullPath" when invocation.Arguments.Length == 1:
                        return Evaluate(invocation.Arguments[0].Value, parameters, depth + 1);
                    default:
                        return PathText.Unknown;
                }
            }
            return Helper(invocation, parameters, depth);
        }

        private PathText Combine(IInvocationOperation invocation, Dictionary<IParameterSymbol, PathText>? parameters, int depth)
        {
            var parts = new List<IOperation>();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.ParamArray
                    && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                    parts.AddRange(initializer.ElementValues);
                else if (argument.ArgumentKind == ArgumentKind.ParamArray)
                    return PathText.Unknown;
                else
                    parts.Add(argument.Value);
            }
            var result = new PathText("", true);
            foreach (var part in parts)
                result = PathText.Combine(result, Evaluate(part, parameters, depth + 1));
            return result;
        }

        /// <summary>A method of the project with one return: what it returns, its parameters bound to the arguments.</summary>
        private PathText Helper(IInvocationOperation invocation, Dictionary<IParameterSymbol, PathText>? parameters, int depth)
        {
            var method = invocation.TargetMethod;
            if (method.DeclaringSyntaxReferences.Length != 1 || method.IsVirtual || method.IsAbstract
                || method.ReturnType.SpecialType != SpecialType.System_String
                || invocation.SemanticModel?.Compilation is not { } compilation)
                return PathText.Unknown;
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var returned = syntax switch
            {
                MethodDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
                MethodDeclarationSyntax { Body: { } body } => SingleReturn(body),
                LocalFunctionStatementSyntax { ExpressionBody: { } arrow } => arrow.Expression,
                LocalFunctionStatementSyntax { Body: { } body } => SingleReturn(body),
                _ => null,
            };
            if (returned is null || !compilation.ContainsSyntaxTree(returned.SyntaxTree))
                return PathText.Unknown;
            var bindings = new Dictionary<IParameterSymbol, PathText>(SymbolEqualityComparer.Default);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter)
                    bindings[parameter.OriginalDefinition] = Evaluate(argument.Value, parameters, depth + 1);
            }
            var model = compilation.GetSemanticModel(returned.SyntaxTree);
            return model.GetOperation(returned, cancellationToken) is { } operation
                ? Evaluate(operation, bindings, depth + 1)
                : PathText.Unknown;
        }

        private static ExpressionSyntax? SingleReturn(BlockSyntax body)
        {
            ExpressionSyntax? found = null;
            foreach (var node in body.DescendantNodes(node => node is not (LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is ReturnStatementSyntax statement)
                {
                    if (found is not null || statement.Expression is null)
                        return null;
                    found = statement.Expression;
                }
            }
            return found;
        }

        /// <summary>The initializer of a field or property written nowhere else in its type (const, readonly, or never assigned).</summary>
        private PathText Initializer(ISymbol member, int depth)
        {
            if (member.DeclaringSyntaxReferences.Length != 1)
                return PathText.Unknown;
            var syntax = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var (initializer, writable) = syntax switch
            {
                VariableDeclaratorSyntax { Initializer: { } value } => (value.Value, member is IFieldSymbol { IsReadOnly: false, IsConst: false }),
                PropertyDeclarationSyntax { ExpressionBody: { } arrow } => (arrow.Expression, false),
                PropertyDeclarationSyntax { Initializer: { } value } property => (value.Value, property.AccessorList?.Accessors.Any(a => a.IsKind(SyntaxKind.SetAccessorDeclaration)) == true),
                _ => ((ExpressionSyntax?)null, false),
            };
            var compilation = member.ContainingAssembly is ISourceAssemblySymbol source ? source.Compilation : null;
            if (compilation is null)
                return PathText.Unknown;
            // private string dataPath = ""; ... WithData(string fileName) { dataPath = Path.Combine(..., fileName); }, and
            // private readonly string _dataPath; ... public ModelService(string dataPath) { _dataPath = dataPath; }
            if (member is IFieldSymbol { DeclaredAccessibility: Accessibility.Private, IsConst: false } && syntax is VariableDeclaratorSyntax
                && (initializer is null || IsAssignedInType(member, syntax)))
                return EveryWrite((IFieldSymbol)member, initializer, syntax, compilation, depth);
            if (initializer is null)
                return PathText.Unknown;
            if (writable && (member.DeclaredAccessibility != Accessibility.Private || IsAssignedInType(member, syntax)))
                return PathText.Unknown;
            var tree = initializer.SyntaxTree;
            if (!compilation.ContainsSyntaxTree(tree))
                return PathText.Unknown;
            return compilation.GetSemanticModel(tree).GetOperation(initializer, cancellationToken) is { } operation
                ? Evaluate(operation, null, depth + 1)
                : PathText.Unknown;
        }

        /// <summary>
        /// A private field its type writes in methods: the one path its initializer and every <c>field = value</c> in the
        /// type agree on, each value read where it is written (a parameter of the writing method is the path every call
        /// names; a constructor's, the path every <c>new</c> of its type names). A null or empty path is left out: loading
        /// from it throws, so no view comes from it. Unknown for a write of any other kind (compound, <c>ref</c>/<c>out</c>),
        /// one outside a method or constructor (an accessor), or two paths.
        /// </summary>
        private PathText EveryWrite(IFieldSymbol field, ExpressionSyntax? initializer, SyntaxNode declaration, Compilation compilation, int depth)
        {
            var type = declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type is null || field.ContainingType.DeclaringSyntaxReferences.Length != 1 || !compilation.ContainsSyntaxTree(type.SyntaxTree))
                return PathText.Unknown;
            // _dataPath = Path.Combine(_dataPath, name): a write that reads the field itself is not followed.
            if (!(fieldsBeingRead ??= new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default)).Add(field))
                return PathText.Unknown;
            try
            {
                return EveryWriteAgrees(field, initializer, type, compilation, depth);
            }
            finally
            {
                fieldsBeingRead.Remove(field);
            }
        }

        private HashSet<IFieldSymbol>? fieldsBeingRead;

        private PathText EveryWriteAgrees(IFieldSymbol field, ExpressionSyntax? initializer, TypeDeclarationSyntax type, Compilation compilation, int depth)
        {
#pragma warning disable RS1030 // Only for a loader's path kept in a field; the type's tree, once per evaluation.
            var model = compilation.GetSemanticModel(type.SyntaxTree);
#pragma warning restore RS1030
            PathText? agreed = null;
            if (initializer is not null && !Accept(initializer, ref agreed))
                return PathText.Unknown;
            foreach (var node in type.DescendantNodes())
            {
                ExpressionSyntax? target = node switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left,
                    PrefixUnaryExpressionSyntax prefix => prefix.Operand,
                    PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                    ArgumentSyntax { RefKindKeyword.RawKind: not (int)SyntaxKind.None } argument => argument.Expression,
                    _ => null,
                };
                if (target is null || LastName(target) != field.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target, cancellationToken).Symbol?.OriginalDefinition, field.OriginalDefinition))
                    continue;
                if (node is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } simple
                    || node.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() is not (MethodDeclarationSyntax or ConstructorDeclarationSyntax)
                    || !Accept(simple.Right, ref agreed))
                    return PathText.Unknown;
            }
            return agreed ?? PathText.Unknown;

            bool Accept(ExpressionSyntax value, ref PathText? joined)
            {
                // null!: the suppression has no operation of its own.
                while (value is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed)
                    value = suppressed.Operand;
                if (model.GetOperation(value, cancellationToken) is not { } operation)
                    return false;
                var unwrapped = operation;
                while (unwrapped is IConversionOperation conversion)
                    unwrapped = conversion.Operand;
                if (unwrapped.ConstantValue is { HasValue: true, Value: null or "" })
                    return true;
                var text = Evaluate(operation, null, depth + 1);
                if (text.Text.Length == 0 || joined is { } before && !before.Equals(text))
                    return false;
                joined = text;
                return true;
            }
        }

        /// <summary>A syntactic look for <c>name = ...</c> anywhere in the member's type: a private member written after its initializer is unknown.</summary>
        private bool IsAssignedInType(ISymbol member, SyntaxNode declaration)
        {
            var type = declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type is null)
                return true;
            foreach (var node in type.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax assignment
                    && assignment.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax
                    && LastName(assignment.Left) == member.Name)
                    return true;
            }
            return false;
        }

        private static string? LastName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        public IOperation? SingleWriteOf(ILocalReferenceOperation reference) => SingleWrite(reference);

        /// <summary>The value of a local written exactly once, at its declaration.</summary>
        private IOperation? SingleWrite(ILocalReferenceOperation reference)
        {
            var root = reference;
            IOperation current = reference;
            while (current.Parent is { } parent)
                current = parent;
            IOperation? value = null;
            foreach (var operation in current.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, root.Local):
                        if (declarator.Initializer is null)
                            break;
                        if (value is not null)
                            return null;
                        value = declarator.Initializer.Value;
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, root.Local):
                        return null;
                    case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, root.Local)
                                                              && other.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                        return null;
                }
            }
            return value;
        }
    }
}
