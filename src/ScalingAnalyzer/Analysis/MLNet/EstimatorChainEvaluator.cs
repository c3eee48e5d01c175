using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>
/// The abstract interpretation of ML.NET pipelines in one method body: an estimator expression is read as the ordered
/// stages of its Append chain (through locals), and each stage updates the IsNormalized mark of the columns it writes;
/// a data view is read back through Transform/Fit to the estimators that produced it.
/// </summary>
internal sealed class EstimatorChainEvaluator
{
    /// <summary>Bounds the walk through locals and nested chains; real pipelines are far shallower.</summary>
    private const int MaxDepth = 64;

    private const string OutputColumnParameter = "outputColumnName";
    private const string InputColumnParameter = "inputColumnName";
    private const string InputColumnsParameter = "inputColumnNames";
    private const string ColumnPairsParameter = "columns";

    private readonly MLNetKnownSymbols symbols;
    private readonly double featureMagnitudeThreshold;
    private readonly TextFileViews textFiles;
    private readonly MLNetProgram? program;
    private readonly int hops;
    private readonly CancellationToken cancellationToken;

    public EstimatorChainEvaluator(
        MLNetKnownSymbols symbols, MLNetOperationValues values, double featureMagnitudeThreshold, TextFileViews? textFiles = null,
        MLNetProgram? program = null, CancellationToken cancellationToken = default)
        : this(symbols, values, featureMagnitudeThreshold, textFiles ?? TextFileViews.None, program, hops: 0, cancellationToken)
    {
    }

    private EstimatorChainEvaluator(
        MLNetKnownSymbols symbols, MLNetOperationValues values, double featureMagnitudeThreshold, TextFileViews textFiles,
        MLNetProgram? program, int hops, CancellationToken cancellationToken)
    {
        this.symbols = symbols;
        this.featureMagnitudeThreshold = featureMagnitudeThreshold;
        this.textFiles = textFiles;
        this.program = program;
        this.hops = hops;
        this.cancellationToken = cancellationToken;
        Values = values;
    }

    /// <summary>The same analysis in another method of the project, one hop further.</summary>
    private EstimatorChainEvaluator In(MethodBody body) => new(symbols, body.Values, featureMagnitudeThreshold, textFiles, program, hops + 1, cancellationToken);

    /// <summary>A method of the project (not ML.NET's) this analysis may still follow.</summary>
    private MethodBody? Followable(IMethodSymbol method, SemanticModel? nearby)
    {
        if (program is null || hops >= MLNetProgram.MaxHops || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
            || method.DeclaringSyntaxReferences.IsEmpty || method.IsVirtual || method.IsAbstract || method.IsOverride)
            return null;
        return program.BodyOf(method, cancellationToken, nearby);
    }

    /// <summary>
    /// What a helper of the project returns, read in its own body: the join over its returns; unknown when it cannot be
    /// followed or returns nothing this analysis reads.
    /// </summary>
    private ColumnNormalizationState FromHelper(IInvocationOperation invocation, System.Func<EstimatorChainEvaluator, IOperation, ColumnNormalizationState> evaluate)
    {
        if (IsDispatched(invocation.TargetMethod))
            return FromImplementations(invocation, evaluate);
        if (Followable(invocation.TargetMethod, invocation.SemanticModel) is not { } body)
            return ColumnNormalizationState.Unknown;
        return FromReturns(body, evaluate, null);
    }

    /// <summary>The join over the returns of <paramref name="body"/>, and <paramref name="joined"/> when given; null when it returns nothing this analysis reads.</summary>
    private ColumnNormalizationState FromReturns(MethodBody body, System.Func<EstimatorChainEvaluator, IOperation, ColumnNormalizationState> evaluate, ColumnNormalizationState? joined)
    {
        var returned = body.ReturnedValues();
        if (returned.IsEmpty)
            return ColumnNormalizationState.Unknown;
        var inner = In(body);
        foreach (var value in returned)
        {
            var state = evaluate(inner, value);
            joined = joined is null ? state : ColumnNormalizationState.Join(joined, state);
            if (joined.Default == ColumnNormalization.Unknown && joined == ColumnNormalizationState.Unknown)
                break;
        }
        return joined ?? ColumnNormalizationState.Unknown;
    }

    /// <summary>An interface, abstract or virtual method of the project: which body runs is decided at run time.</summary>
    private static bool IsDispatched(IMethodSymbol method)
        => !method.IsStatic && method.MethodKind == MethodKind.Ordinary && !method.DeclaringSyntaxReferences.IsEmpty
           && (method.IsAbstract || method.IsVirtual || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface);

    /// <summary>
    /// A call of an interface, abstract or virtual method of the project (a base trainer class's
    /// <c>BuildFeaturePipeline().Append(trainer)</c>, each subclass overriding the pipeline): the join over the returns of
    /// every implementation the compilation holds (at most <see cref="MethodImplementations.MaxImplementations"/>), when
    /// no implementation can come from outside it: the method is not visible outside the compilation or the project is an
    /// executable. Implementations that disagree are unknown, so silent; so is any that cannot be followed.
    /// </summary>
    private ColumnNormalizationState FromImplementations(IInvocationOperation invocation, System.Func<EstimatorChainEvaluator, IOperation, ColumnNormalizationState> evaluate)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        if (program is null || hops >= MLNetProgram.MaxHops || VisibleOutside(method) && !IsEntryAssemblyOnly(method))
            return ColumnNormalizationState.Unknown;
        var targets = program.Implementations.Implementations(method, cancellationToken);
        if (targets.IsEmpty)
            return ColumnNormalizationState.Unknown;
        ColumnNormalizationState? joined = null;
        foreach (var target in targets)
        {
            if (target.MethodKind != MethodKind.Ordinary || program.BodyOf(target, cancellationToken, invocation.SemanticModel) is not { } body)
                return ColumnNormalizationState.Unknown;
            joined = FromReturns(body, evaluate, joined);
            if (joined == ColumnNormalizationState.Unknown)
                break;
        }
        return joined ?? ColumnNormalizationState.Unknown;
    }

    /// <summary>
    /// An IDataView parameter: the join over every call of the method of what its callers pass, each read in the
    /// caller's body; unknown when a call is not in the compilation (public API, delegates) or cannot be followed.
    /// </summary>
    private ColumnNormalizationState FromCallers(IParameterSymbol parameter, int depth)
        => JoinOverCallers(parameter, (caller, argument) => caller.EvaluateDataView(argument, depth + 1));

    /// <summary>
    /// The join over every call of the parameter's method of <paramref name="read"/> applied to the argument the call
    /// passes, read in the caller's analysis; unknown when a call is out of view or passes nothing for it.
    /// </summary>
    private ColumnNormalizationState JoinOverCallers(IParameterSymbol parameter, Func<EstimatorChainEvaluator, IOperation, ColumnNormalizationState> read)
    {
        if (parameter.RefKind != RefKind.None || parameter.ContainingSymbol is not IMethodSymbol method)
            return ColumnNormalizationState.Unknown;
        var calls = CallsOf(method);
        if (calls.IsDefaultOrEmpty)
            return ColumnNormalizationState.Unknown;
        ColumnNormalizationState? joined = null;
        foreach (var site in calls)
        {
            if (ArgumentFor((IInvocationOperation)site.Operation, parameter) is not { } argument)
                return ColumnNormalizationState.Unknown;
            var state = read(site.Analysis, argument);
            joined = joined is null ? state : ColumnNormalizationState.Join(joined, state);
        }
        return joined ?? ColumnNormalizationState.Unknown;
    }

    /// <summary>
    /// Every call of <paramref name="method"/> in the compilation, each as its caller's own operation tree holds it and
    /// with the analysis of the caller's body: where a value the method returns, or what it is given, comes and goes.
    /// Default when some call may be out of view (a public method of a library, a delegate) or cannot be followed, or
    /// when the walk has crossed <see cref="MLNetProgram.MaxHops"/> methods.
    /// </summary>
    public ImmutableArray<OperationInMethod> CallsOf(IMethodSymbol method)
    {
        if (program is null || hops >= MLNetProgram.MaxHops
            || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || method.DeclaringSyntaxReferences.IsEmpty)
            return default;
        // Called from outside the compilation, or through a delegate, the method may get any data.
        if (method.MethodKind == MethodKind.Ordinary && OutsideCallers.MayCall(method) && !IsImplementationOfHiddenInterface(method))
            return default;
        var calls = program.CallersOf(method, cancellationToken);
        // ITrainer.Train(ml, data) implemented here: the calls through the interface of the project may run this body too.
        foreach (var implemented in ImplementedInterfaceMethods(method))
        {
            if (VisibleOutside(implemented) && !IsEntryAssemblyOnly(implemented))
                return default;
            calls = calls.AddRange(program.CallersOf(implemented, cancellationToken));
        }
        if (calls.IsEmpty)
            return default;
        var builder = ImmutableArray.CreateBuilder<OperationInMethod>(calls.Length);
        foreach (var call in calls)
        {
            // The call as the caller's own operation tree holds it: trees of one method built by different semantic
            // models are different objects, and locals are followed within one tree.
            if (ContainingMethod(call) is not { } caller
                || program.BodyOf(caller, cancellationToken, call.SemanticModel) is not { } body
                || FindInvocation(body.Root, call.Syntax) is not { } own)
                return default;
            builder.Add(new OperationInMethod(own, In(body)));
        }
        return builder.MoveToImmutable();
    }

    /// <summary>
    /// A public method that code outside the compilation cannot call: it sits in a type not visible outside, and
    /// implements an interface method of the project that is not visible outside either (C# makes an implicit
    /// implementation public whatever its class's accessibility).
    /// </summary>
    private static bool IsImplementationOfHiddenInterface(IMethodSymbol method)
    {
        if (VisibleOutside(method))
            return false;
        var any = false;
        foreach (var implemented in ImplementedInterfaceMethods(method))
        {
            if (VisibleOutside(implemented))
                return false;
            any = true;
        }
        return any;
    }

    private static bool VisibleOutside(ISymbol symbol) => OutsideCallers.VisibleOutside(symbol);

    /// <summary>The methods of interfaces declared in the project that <paramref name="method"/> implements.</summary>
    private static IEnumerable<IMethodSymbol> ImplementedInterfaceMethods(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic)
            yield break;
        foreach (var contract in method.ContainingType.AllInterfaces)
        {
            if (contract.DeclaringSyntaxReferences.IsEmpty)
                continue;
            foreach (var member in contract.GetMembers(method.Name))
            {
                if (member is IMethodSymbol candidate
                    && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(candidate), method))
                    yield return candidate.OriginalDefinition;
            }
        }
    }

    /// <summary>The method of the project whose body holds <paramref name="operation"/>; null in a lambda or outside a method.</summary>
    public static IMethodSymbol? MethodOf(IOperation operation) => ContainingMethod(operation);

    /// <summary>
    /// Where a value passed to a method of the project is read in that method's body (the reads of its parameter), each
    /// with the analysis of that body: an estimator handed to a helper that appends or fits it. Empty when the method
    /// cannot be followed, or writes the parameter.
    /// </summary>
    public ImmutableArray<OperationInMethod> ReadsInCallee(IInvocationOperation call, IParameterSymbol parameter)
    {
        if (parameter.RefKind != RefKind.None || Followable(call.TargetMethod, call.SemanticModel) is not { } body)
            return ImmutableArray<OperationInMethod>.Empty;
        var method = call.TargetMethod.OriginalDefinition;
        var builder = ImmutableArray.CreateBuilder<OperationInMethod>();
        EstimatorChainEvaluator? callee = null;
        foreach (var operation in body.AllOperations)
        {
            if (operation is not IParameterReferenceOperation reference || reference.Parameter.Ordinal != parameter.Ordinal
                || !SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, method))
                continue;
            if (reference.Parent is IAssignmentOperation assignment && assignment.Target == reference
                || reference.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None })
                return ImmutableArray<OperationInMethod>.Empty;
            builder.Add(new OperationInMethod(reference, callee ??= In(body)));
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// A data view held in a field: the join over every write of it (<see cref="FieldAccesses"/>), each read in the body
    /// of the method that writes it; unknown when some write cannot be seen or followed.
    /// </summary>
    private ColumnNormalizationState FromFieldWrites(IFieldSymbol field, int depth)
    {
        if (program is null || hops >= MLNetProgram.MaxHops)
            return ColumnNormalizationState.Unknown;
        var writes = FieldAccesses.Writes(field.OriginalDefinition, cancellationToken);
        if (writes.IsDefaultOrEmpty)
            return ColumnNormalizationState.Unknown;
        ColumnNormalizationState? joined = null;
        foreach (var write in writes)
        {
            if (WritingMethod(field.ContainingType, write) is not { } writer
                || program.BodyOf(writer, cancellationToken) is not { } body
                || FindAssignment(body.Root, write) is not { } assignment)
                return ColumnNormalizationState.Unknown;
            var state = In(body).EvaluateDataView(assignment.Value, depth + 1);
            joined = joined is null ? state : ColumnNormalizationState.Join(joined, state);
        }
        return joined ?? ColumnNormalizationState.Unknown;
    }

    /// <summary>
    /// Where an estimator assigned to a field is read in the methods of the field's type (the field's only write must be
    /// <paramref name="write"/>), each with the analysis of the method that reads it; default when the field's reads and
    /// writes are not all in view or a reading method cannot be followed.
    /// </summary>
    public ImmutableArray<OperationInMethod> ReadsOfField(IFieldSymbol field, SyntaxNode write)
    {
        if (program is null || hops >= MLNetProgram.MaxHops || field.DeclaringSyntaxReferences.IsEmpty)
            return default;
        field = field.OriginalDefinition;
        var writes = FieldAccesses.Writes(field, cancellationToken);
        if (writes.Length != 1 || writes[0].SyntaxTree != write.SyntaxTree || writes[0].Span != write.Span
            || FieldAccesses.Reads(field, cancellationToken) is not { IsDefault: false } reads)
            return default;
        var builder = ImmutableArray.CreateBuilder<OperationInMethod>(reads.Length);
        foreach (var read in reads)
        {
            if (WritingMethod(field.ContainingType, read) is not { } reader
                || program.BodyOf(reader, cancellationToken) is not { } body
                || FindFieldReference(body.Root, read) is not { } operation)
                return default;
            builder.Add(new OperationInMethod(operation, In(body)));
        }
        return builder.MoveToImmutable();
    }

    /// <summary>
    /// Where a trainer stored in a field of the project goes: every read of the field in a method of the compilation
    /// (<c>TrainerBase&lt;T&gt;</c>'s <c>pipeline.Append(_model)</c>, the field set in each subclass's constructor). Only
    /// for a field code outside the compilation cannot read (private or protected, or any field of an executable);
    /// default otherwise, or past the hop limit.
    /// </summary>
    public ImmutableArray<OperationInMethod> ReadsOfStoredTrainer(IFieldSymbol field)
    {
        if (program is null || hops >= MLNetProgram.MaxHops || field.IsConst || field.DeclaringSyntaxReferences.IsEmpty)
            return default;
        field = field.OriginalDefinition;
        if (field.DeclaredAccessibility is not (Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            && field.ContainingAssembly is not ISourceAssemblySymbol { Compilation.Options.OutputKind: OutputKind.ConsoleApplication or OutputKind.WindowsApplication })
            return default;
        var reads = program.ReadsOfField(field, cancellationToken);
        var builder = ImmutableArray.CreateBuilder<OperationInMethod>(reads.Length);
        foreach (var (method, read) in reads)
        {
            // The read's syntax is also that of the implicit conversion around it: the field reference itself is wanted.
            if (program.BodyOf(method, cancellationToken) is { } body && FindFieldReference(body.Root, read) is { } operation)
                builder.Add(new OperationInMethod(operation, In(body)));
        }
        return builder.ToImmutable();
    }

    /// <summary>The method of <paramref name="type"/> whose declaration holds <paramref name="node"/> (constructors and accessors are not followed).</summary>
    private static IMethodSymbol? WritingMethod(INamedTypeSymbol type, SyntaxNode node)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                continue;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == node.SyntaxTree && reference.Span.Contains(node.Span))
                    return method;
            }
        }
        return null;
    }

    private static IFieldReferenceOperation? FindFieldReference(IOperation root, SyntaxNode syntax)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation.Syntax == syntax && operation is IFieldReferenceOperation reference)
                return reference;
        }
        return null;
    }

    /// <summary>
    /// The assignment <paramref name="syntax"/> is; in an expression-bodied method (<c>void Load(string path) =&gt;
    /// data = ...;</c>) the implicit statement around it has the same syntax, so it is skipped.
    /// </summary>
    private static ISimpleAssignmentOperation? FindAssignment(IOperation root, SyntaxNode syntax)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation.Syntax == syntax && operation is ISimpleAssignmentOperation assignment)
                return assignment;
        }
        return null;
    }

    private static bool IsEntryAssemblyOnly(IMethodSymbol method) => OutsideCallers.IsEntryAssemblyOnly(method);

    private static IMethodSymbol? ContainingMethod(IOperation operation)
    {
        var model = operation.SemanticModel;
        if (model is null)
            return null;
        for (var node = operation.Syntax; node is not null; node = node.Parent)
        {
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax)
                return model.GetDeclaredSymbol(node) as IMethodSymbol;
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax)
                return null;
        }
        return null;
    }

    private static IInvocationOperation? FindInvocation(IOperation root, SyntaxNode syntax)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is IInvocationOperation invocation && invocation.Syntax == syntax)
                return invocation;
        }
        return null;
    }

    public MLNetOperationValues Values { get; }

    /// <summary>The column marks after the estimator <paramref name="estimator"/> has run on data in state <paramref name="input"/>.</summary>
    public ColumnNormalizationState ApplyEstimator(IOperation estimator, ColumnNormalizationState input, int depth = 0)
    {
        if (depth > MaxDepth)
            return ColumnNormalizationState.Unknown;
        switch (MLNetOperationValues.Unwrap(estimator))
        {
            case ILocalReferenceOperation local:
                return Values.ValueAt(local) is { } value ? ApplyEstimator(value, input, depth + 1) : ColumnNormalizationState.Unknown;
            case IObjectCreationOperation creation when symbols.EstimatorChain.Matches(creation.Type):
                return input;
            case IInvocationOperation invocation:
                return ApplyInvocation(invocation, input, depth);
            case IParameterReferenceOperation parameter:
                // BuildAndTrainModel(data, pipeline) { pipeline.Append(trainer) }: the stages every caller passes.
                return EstimatorFromCallers(parameter.Parameter, input, depth);
            default:
                return ColumnNormalizationState.Unknown;
        }
    }

    /// <summary>An estimator parameter applied to <paramref name="input"/>: the join over what every call of the method passes.</summary>
    private ColumnNormalizationState EstimatorFromCallers(IParameterSymbol parameter, ColumnNormalizationState input, int depth)
        => JoinOverCallers(parameter, (caller, argument) => caller.ApplyEstimator(argument, input, depth + 1));

    /// <summary>An estimator a helper of the project returns, applied to <paramref name="input"/>.</summary>
    private ColumnNormalizationState ApplyHelperEstimator(IInvocationOperation invocation, ColumnNormalizationState input, int depth)
        => symbols.ImplementsEstimator(invocation.TargetMethod.ReturnType)
            ? FromHelper(invocation, (inner, value) => inner.ApplyEstimator(value, input, depth + 1))
            : ColumnNormalizationState.Unknown;

    /// <summary>The column marks of a data view, or <see cref="ColumnNormalizationState.Unknown"/> when its origin is not in view.</summary>
    public ColumnNormalizationState EvaluateDataView(IOperation view, int depth = 0)
    {
        if (depth > MaxDepth)
            return ColumnNormalizationState.Unknown;
        switch (MLNetOperationValues.Unwrap(view))
        {
            case ILocalReferenceOperation local:
                return Values.ValueAt(local) is { } value ? EvaluateDataView(value, depth + 1) : ColumnNormalizationState.Unknown;
            case IInvocationOperation invocation when symbols.IsRawDataSource(invocation.TargetMethod, out var readsObjects):
                return readsObjects
                    ? RawObjects(invocation, depth)
                    : TextFile(invocation, ArgumentFor(invocation, MLNetKnownSymbols.FindParameter(invocation.TargetMethod, "path")));
            case IInvocationOperation invocation when symbols.IsLoaderLoad(invocation, out var loader, out var path, out var isTextLoader):
                // loader.Load(path): a loader made by CreateTextLoader reads like LoadFromTextFile; any TextLoader reads raw text.
                if (loader is not null && ResolveThroughLocals(loader, depth) is IInvocationOperation create && symbols.IsCreateTextLoader(create.TargetMethod))
                    return TextFile(create, path);
                return isTextLoader ? ColumnNormalizationState.Raw : ColumnNormalizationState.Unknown;
            case IInvocationOperation invocation when symbols.IsTransformerTransform(invocation.TargetMethod):
                if (invocation.Instance is null || invocation.Arguments.Length != 1)
                    return ColumnNormalizationState.Unknown;
                return ApplyTransformer(invocation.Instance, EvaluateDataView(invocation.Arguments[0].Value, depth + 1), depth + 1);
            case IInvocationOperation invocation when symbols.IsRowOperation(invocation.TargetMethod):
                return ArgumentFor(invocation, symbols.FindDataViewParameter(invocation.TargetMethod)) is { } source
                    ? EvaluateDataView(source, depth + 1)
                    : ColumnNormalizationState.Unknown;
            case IParameterReferenceOperation parameter:
                return FromCallers(parameter.Parameter, depth);
            case IInvocationOperation invocation when !invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty:
                // A helper of the project that loads, transforms or normalizes the data and returns the view.
                return FromHelper(invocation, (inner, value) => inner.EvaluateDataView(value, depth + 1));
            case IMemberReferenceOperation { Instance: { } split } when symbols.TrainTestData.Matches(split.Type):
                // split.TrainSet / split.TestSet (fields): the rows of the view TrainTestSplit was given, also when the
                // split is a parameter (what every caller passes).
                return ResolveThroughLocals(split, depth) switch
                {
                    IInvocationOperation splitCall when symbols.IsRowOperation(splitCall.TargetMethod) => EvaluateDataView(splitCall, depth + 1),
                    IParameterReferenceOperation parameter => FromCallers(parameter.Parameter, depth),
                    _ => ColumnNormalizationState.Unknown,
                };
            case IFieldReferenceOperation field when !field.Field.DeclaringSyntaxReferences.IsEmpty && symbols.IsDataView(field.Type):
                // private static IDataView trainingDataView; written in Main, read where the model is fit.
                return FromFieldWrites(field.Field, depth);
            default:
                return ColumnNormalizationState.Unknown;
        }
    }

    /// <summary>
    /// LoadFromEnumerable: raw, except the columns of rows written out as literals within the feature-magnitude
    /// threshold (<see cref="LiteralRows"/>). A schema definition may rename or drop columns, so with one the view is raw.
    /// </summary>
    private ColumnNormalizationState RawObjects(IInvocationOperation load, int depth)
    {
        var state = RowsLoaded(load, depth);
        // foreach (var r in rows) r.Size = (r.Size - mean) / std; before LoadFromEnumerable(rows): scaled in .NET.
        if (load.Arguments.Length > 0 && MLNetOperationValues.Unwrap(load.Arguments[0].Value) is ILocalReferenceOperation list)
        {
            foreach (var (column, write, bounds) in GeneratedRows.InPlaceScaling(list, load, Values, symbols.ColumnNameAttribute, cancellationToken))
            {
                state = write switch
                {
                    GeneratedRows.InPlaceWrite.Scaled => state.With(column, bounds.Magnitude <= featureMagnitudeThreshold ? ColumnNormalization.WithinUnitScale : ColumnNormalization.Unknown),
                    // r.Size -= mean: the spread is the raw one, but no longer the numbers a file or generator showed.
                    GeneratedRows.InPlaceWrite.Shifted when state[column] == ColumnNormalization.NotNormalized => state.With(column, ColumnNormalization.NotNormalized),
                    _ => state.With(column, ColumnNormalization.Unknown),
                };
            }
        }
        return state;
    }

    private ColumnNormalizationState RowsLoaded(IInvocationOperation load, int depth)
    {
        // LoadFromEnumerable(IEnumerable<TRow> data, ...): the rows come first in every overload.
        IOperation? rows = null;
        foreach (var argument in load.Arguments)
        {
            if (argument.Parameter is not { } parameter)
                return ColumnNormalizationState.Raw;
            if (parameter.Ordinal == 0)
                rows = argument.Value;
            else if (argument.ArgumentKind != ArgumentKind.DefaultValue && !IsNullConstant(argument.Value))
                return ColumnNormalizationState.Raw;
        }
        if (rows is null)
            return ColumnNormalizationState.Raw;
        var source = ResolveThroughLocals(rows, depth);
        // Rows parsed from a file are bounded by the file: with no data file in the project there is nothing to read
        // them with, and reading the parsing code (binding a helper) for it would be work for nothing.
        if (source is not null && textFiles.HasFiles && FileRows.Read(rows, source, Values, program, symbols.ColumnNameAttribute, cancellationToken) is { } parsed)
            return ParsedFile(parsed);
        if (LiteralRows.MaxMagnitudes(source, symbols.ColumnNameAttribute) is not { } columns)
            return source is not null && program is not null ? GeneratedObjects(rows, source) : ColumnNormalizationState.Raw;
        var state = ColumnNormalizationState.Raw;
        foreach (var (column, magnitude) in columns)
        {
            if (magnitude <= featureMagnitudeThreshold)
                state = state.With(column, ColumnNormalization.WithinUnitScale);
        }
        return state;
    }

    /// <summary>
    /// The ranges of the members of rows the code parsed from a data file of the project (<see cref="FileRows"/>),
    /// for a query that selects new rows from them; null when <paramref name="sequence"/> is not such rows.
    /// </summary>
    private Func<ISymbol, Interval?>? ParsedMembers(IOperation sequence)
    {
        if (!textFiles.HasFiles || ResolveThroughLocals(sequence) is not { } source
            || FileRows.Read(sequence, source, Values, program, symbols.ColumnNameAttribute, cancellationToken) is not { } parsed)
            return null;
        var state = ParsedFile(parsed);
        var attribute = symbols.ColumnNameAttribute;
        return member => state.EvidenceOf(LiteralRows.ColumnNameOf(member, attribute)) is { } evidence ? Interval.Of(evidence.Min, evidence.Max) : null;
    }

    /// <summary>Rows parsed from a data file of the project by the code itself: the file's column ranges decide.</summary>
    private ColumnNormalizationState ParsedFile(FileRows rows)
    {
        var path = rows.Path;
        // ReadSongs(DataPath): the helper's path parameter is what the call passes.
        if (MLNetOperationValues.Unwrap(path) is IParameterReferenceOperation parameter && rows.HelperCall is { } call
            && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, call.TargetMethod.OriginalDefinition))
            path = ArgumentFor(call, parameter.Parameter) ?? path;
        return textFiles.EvaluateParsed(path, rows.Format, rows.Columns, featureMagnitudeThreshold);
    }

    private ColumnNormalizationState TextFile(IInvocationOperation loader, IOperation? path)
        => textFiles.Evaluate(loader, path, symbols, operation => ResolveThroughLocals(operation), featureMagnitudeThreshold);

    /// <summary>Rows a generator of the project makes (<see cref="GeneratedRows"/>): its columns' bounds decide, with the numbers for the message.</summary>
    private ColumnNormalizationState GeneratedObjects(IOperation argument, IOperation rows)
    {
        var state = ColumnNormalizationState.Raw;
        // var rows = new List<Row>(); ... rows.Add(new Row { ... }); LoadFromEnumerable(rows): the list this method fills.
        var read = rows is IObjectCreationOperation { Initializer: null, Type: INamedTypeSymbol { Name: "List", Arity: 1 } }
                        && MLNetOperationValues.Unwrap(argument) is ILocalReferenceOperation list
            ? GeneratedRows.ReadLocalList(list, program!, symbols.ColumnNameAttribute, cancellationToken)
            : GeneratedRows.Read(rows, program!, symbols.ColumnNameAttribute, cancellationToken)
              // raw.Select(h => new House { Size = h.Size / maxSize }).ToList(): rows scaled in .NET in this method.
              ?? (rows is IInvocationOperation query ? GeneratedRows.ReadQuery(query, program!, symbols.ColumnNameAttribute, cancellationToken, ParsedMembers) : null);
        if (read is not { } generated)
            return state;
        var source = "in the rows " + generated.Generator + " makes";
        foreach (var (column, bounds) in generated.Columns)
        {
            var mark = bounds.Magnitude <= featureMagnitudeThreshold ? ColumnNormalization.WithinUnitScale : ColumnNormalization.NotNormalized;
            state = state.With(column, mark, new ColumnEvidence(column, bounds.Low, bounds.High, source));
        }
        return state;
    }

    private static bool IsNullConstant(IOperation value) => MLNetOperationValues.Unwrap(value).ConstantValue is { HasValue: true, Value: null };

    /// <summary>The expression a value comes from, following locals; null when a local's value is not tracked.</summary>
    public IOperation? ResolveThroughLocals(IOperation operation, int depth = 0)
    {
        var current = MLNetOperationValues.Unwrap(operation);
        while (current is ILocalReferenceOperation local && depth++ <= MaxDepth)
        {
            if (Values.ValueAt(local) is not { } value)
                return null;
            current = MLNetOperationValues.Unwrap(value);
        }
        return current is ILocalReferenceOperation ? null : current;
    }

    public static IOperation? ArgumentFor(IInvocationOperation invocation, IParameterSymbol? parameter)
    {
        if (parameter is null)
            return null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } p && p.Ordinal == parameter.Ordinal)
                return argument.Value;
        }
        return null;
    }

    /// <summary>The two operands of an estimator Append, instance or extension form.</summary>
    public static (IOperation? Start, IOperation? Estimator) AppendOperands(IInvocationOperation append)
    {
        var estimatorParameter = MLNetKnownSymbols.FindEstimatorParameter(append.TargetMethod);
        var estimator = ArgumentFor(append, estimatorParameter);
        if (append.Instance is { } instance)
            return (instance, estimator);
        var method = append.TargetMethod;
        return (method.Parameters.Length > 0 ? ArgumentFor(append, method.Parameters[0]) : null, estimator);
    }

    private ColumnNormalizationState ApplyTransformer(IOperation transformer, ColumnNormalizationState input, int depth)
    {
        if (depth > MaxDepth)
            return ColumnNormalizationState.Unknown;
        switch (MLNetOperationValues.Unwrap(transformer))
        {
            case ILocalReferenceOperation local:
                return Values.ValueAt(local) is { } value ? ApplyTransformer(value, input, depth + 1) : ColumnNormalizationState.Unknown;
            case IInvocationOperation { Instance: { } estimator } fit when symbols.IsEstimatorFit(fit.TargetMethod):
                // The fitted transformer writes the columns its estimator declares, whatever view it was fit on.
                return ApplyEstimator(estimator, input, depth + 1);
            case IParameterReferenceOperation parameter:
                // TrainAndEvaluate(ITransformer features, IDataView trainSet) { features.Transform(trainSet) ... }: the
                // transformer every call passes (a feature class fits it, a trainer class applies it), joined over the calls.
                return JoinOverCallers(parameter.Parameter, (caller, argument) => caller.ApplyTransformer(argument, input, depth + 1));
            case IInvocationOperation helper when !helper.TargetMethod.DeclaringSyntaxReferences.IsEmpty && symbols.IsTransformerType(helper.TargetMethod.ReturnType):
                // new FeatureEngineering(ml).FitFeatures(data): the transformer a helper of the project returns.
                return FromHelper(helper, (inner, value) => inner.ApplyTransformer(value, input, depth + 1));
            default:
                return ColumnNormalizationState.Unknown;
        }
    }

    private ColumnNormalizationState ApplyInvocation(IInvocationOperation invocation, ColumnNormalizationState input, int depth)
    {
        var method = invocation.TargetMethod;
        if (symbols.IsAppend(method))
        {
            var (start, estimator) = AppendOperands(invocation);
            if (start is null || estimator is null)
                return ColumnNormalizationState.Unknown;
            return ApplyEstimator(estimator, ApplyEstimator(start, input, depth + 1), depth + 1);
        }
        if (symbols.IsPassThroughEstimator(method))
        {
            var (start, _) = AppendOperands(invocation);
            return start is null ? ColumnNormalizationState.Unknown : ApplyEstimator(start, input, depth + 1);
        }
        // A trainer adds its prediction columns and leaves the feature columns as they were.
        if (symbols.GetTrainer(method) is not null)
            return input;
        // Before the catalog's other transforms, which are read by their output column parameters: CustomMapping has none.
        if (symbols.IsCustomMapping(method))
            return ApplyCustomMapping(invocation, input, symbols);
        if (symbols.GetTransformKind(method) is { } kind)
            return ApplyTransform(invocation, kind, input, Values, symbols);
        if (!method.DeclaringSyntaxReferences.IsEmpty)
            return ApplyHelperEstimator(invocation, input, depth);
        return ColumnNormalizationState.Unknown;
    }

    /// <summary>
    /// <c>CustomMapping&lt;TSrc, TDst&gt;(...)</c> writes the columns of <c>TDst</c> (ML.NET's schema of the class: its
    /// public instance fields and read-write properties, named by <c>[ColumnName]</c>), with
    /// values only the mapping's code knows; every other column passes through as it was. A label computed from the
    /// wine's quality (<c>CustomMapping&lt;Wine, GoodWine&gt;((w, g) =&gt; g.Label = w.Quality &gt;= 7, null)</c>) leaves
    /// the raw chemistry columns raw. Unknown when an output schema definition is given (it may rename the columns) or
    /// <c>TDst</c> is not a class of the project.
    /// </summary>
    private static ColumnNormalizationState ApplyCustomMapping(IInvocationOperation invocation, ColumnNormalizationState input, MLNetKnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.TypeArguments.Length != 2 || method.TypeArguments[1] is not INamedTypeSymbol { TypeKind: TypeKind.Class } destination
            || destination.DeclaringSyntaxReferences.IsEmpty)
            return ColumnNormalizationState.Unknown;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "outputSchemaDefinition" && argument.ArgumentKind != ArgumentKind.DefaultValue
                && argument.Value.ConstantValue is not { HasValue: true, Value: null })
                return ColumnNormalizationState.Unknown;
        }
        var output = input;
        for (var type = destination; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            if (type.DeclaringSyntaxReferences.IsEmpty)
                return ColumnNormalizationState.Unknown;
            foreach (var member in type.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public
                    || member is not (IFieldSymbol { IsConst: false } or IPropertySymbol { IsIndexer: false }))
                    continue;
                // A [NoColumn] member is not written; marking it unknown too only keeps the rule silent about it.
                var name = member.Name;
                foreach (var attribute in member.GetAttributes())
                {
                    if (symbols.ColumnNameAttribute.Matches(attribute.AttributeClass)
                        && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string renamed)
                        name = renamed;
                }
                output = output.With(name, ColumnNormalization.Unknown);
            }
        }
        return output;
    }

    private static ColumnNormalizationState ApplyTransform(IInvocationOperation invocation, ColumnTransformKind kind, ColumnNormalizationState input, MLNetOperationValues values, MLNetKnownSymbols symbols)
    {
        if (kind == ColumnTransformKind.KeepsColumns)
            return input;
        if (!TryReadColumns(invocation, values, symbols, out var columns))
            return ColumnNormalizationState.Unknown;
        var output = input;
        foreach (var (outputColumn, inputColumns) in columns)
        {
            var mark = kind switch
            {
                ColumnTransformKind.Normalizer or ColumnTransformKind.MarkedNormalized => ColumnNormalization.Normalized,
                ColumnTransformKind.Concatenate or ColumnTransformKind.Copy => input.AllOf(inputColumns),
                ColumnTransformKind.BoundedOutput => ColumnNormalization.WithinUnitScale,
                ColumnTransformKind.KeepsScale => input.AllOf(inputColumns) == ColumnNormalization.WithinUnitScale ? ColumnNormalization.WithinUnitScale : ColumnNormalization.NotNormalized,
                // Inputs not known to be on one scale (raw, or concatenated from names only known at run time, as the
                // samples' CreditCardFraudDetection does before NormalizeLpNorm): the output is not normalized, as before.
                ColumnTransformKind.KeepsRelativeScale => input.AllOf(inputColumns) is ColumnNormalization.Normalized or ColumnNormalization.WithinUnitScale
                    ? ColumnNormalization.WithinUnitScale
                    : ColumnNormalization.NotNormalized,
                _ => ColumnNormalization.NotNormalized,
            };
            // Values copied, concatenated or with missing values filled in are still the file's: keep its numbers for the message.
            var evidence = kind is ColumnTransformKind.Concatenate or ColumnTransformKind.Copy or ColumnTransformKind.KeepsScale && mark == ColumnNormalization.NotNormalized
                ? input.EvidenceOfAll(inputColumns)
                : null;
            output = output.With(outputColumn, mark, evidence);
        }
        return output;
    }

    /// <summary>
    /// The (output, inputs) pairs a catalog transform writes, from its outputColumnName/inputColumnName(s) or its
    /// InputOutputColumnPair[] argument. False when any name is not a compile-time constant.
    /// </summary>
    private static bool TryReadColumns(IInvocationOperation invocation, MLNetOperationValues values, MLNetKnownSymbols symbols, out ImmutableArray<(string Output, ImmutableArray<string> Inputs)> columns)
    {
        columns = default;
        var method = invocation.TargetMethod;
        if (MLNetKnownSymbols.FindParameter(method, OutputColumnParameter) is { } outputParameter)
        {
            var output = values.StringValue(ArgumentFor(invocation, outputParameter));
            if (output is null)
                return TryReadLoopColumns(invocation, outputParameter, values, symbols, out columns);
            ImmutableArray<string> inputs;
            if (MLNetKnownSymbols.FindParameter(method, InputColumnsParameter) is { } inputsParameter)
            {
                if (!TryReadStrings(ArgumentFor(invocation, inputsParameter), out inputs, values, symbols))
                    return false;
            }
            else if (MLNetKnownSymbols.FindParameter(method, InputColumnParameter) is { } inputParameter)
            {
                var inputValue = ArgumentFor(invocation, inputParameter);
                // ML.NET reads the output column in place when inputColumnName is null.
                if (inputValue is null || inputValue.ConstantValue is { HasValue: true, Value: null })
                    inputs = ImmutableArray.Create(output);
                else if (values.StringValue(inputValue) is { } input)
                    inputs = ImmutableArray.Create(input);
                else
                    return false;
            }
            else
            {
                inputs = ImmutableArray<string>.Empty;
            }
            columns = ImmutableArray.Create((output, inputs));
            return true;
        }
        if (MLNetKnownSymbols.FindParameter(method, ColumnPairsParameter) is { } pairsParameter)
            return TryReadColumnPairs(ArgumentFor(invocation, pairsParameter), values, out columns);
        return false;
    }

    /// <summary>
    /// A transform that works in place on the variable of a loop over column names, appended to the pipeline the loop
    /// rebuilds: <c>foreach (var name in featureColumns) pipeline = pipeline.Append(ml.Transforms.ReplaceMissingValues(name));</c>
    /// (or <c>NormalizeMeanVariance(name)</c>), the way code that reads its column list from one place builds a pipeline.
    /// Locals are read in source order, so the one Append in the loop's body stands for the whole loop: the stage is
    /// applied to every name of the collection (a constant array, a local or readonly field holding one). Not followed
    /// when the loop can leave early (<c>break</c>, <c>return</c>, <c>goto</c>, <c>throw</c>) or skip a name
    /// (<c>continue</c>, or the Append under an <c>if</c>), when the stage reads another column, or when the loop does
    /// anything else with the pipeline.
    /// </summary>
    private static bool TryReadLoopColumns(IInvocationOperation invocation, IParameterSymbol outputParameter, MLNetOperationValues values,
        MLNetKnownSymbols symbols, out ImmutableArray<(string Output, ImmutableArray<string> Inputs)> columns)
    {
        columns = default;
        if (MLNetOperationValues.Unwrap(ArgumentFor(invocation, outputParameter) ?? invocation) is not ILocalReferenceOperation { Local: var variable })
            return false;
        foreach (var argument in invocation.Arguments)
        {
            // Any other column argument must be absent or the same loop variable (in place).
            if (argument.Parameter is not { } parameter || parameter.Ordinal == outputParameter.Ordinal || parameter.Type.SpecialType != SpecialType.System_String)
                continue;
            var value = MLNetOperationValues.Unwrap(argument.Value);
            if (!(argument.ArgumentKind == ArgumentKind.DefaultValue || value.ConstantValue is { HasValue: true, Value: null }
                  || value is ILocalReferenceOperation same && SymbolEqualityComparer.Default.Equals(same.Local, variable)))
                return false;
        }
        // pipeline = pipeline.Append(stage), as a statement of the loop's body.
        if (MLNetOperationValues.ConsumerOf(invocation) is not (var stage, IArgumentOperation { Parent: IInvocationOperation append })
            || !symbols.IsAppend(append.TargetMethod))
            return false;
        var (start, estimator) = AppendOperands(append);
        if (estimator != stage || start is null || MLNetOperationValues.Unwrap(start) is not ILocalReferenceOperation { Local: var pipeline } startReference
            || MLNetOperationValues.ConsumerOf(append) is not (_, ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment)
            || !SymbolEqualityComparer.Default.Equals(target.Local, pipeline)
            || assignment.Parent is not IExpressionStatementOperation statement)
            return false;
        var body = statement.Parent is IBlockOperation block ? block.Parent : statement.Parent;
        if (body is not IForEachLoopOperation loop || loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: var loopVariable }
            || !SymbolEqualityComparer.Default.Equals(loopVariable, variable))
            return false;
        foreach (var operation in MethodBody.Descendants(loop.Body))
        {
            if (operation is IBranchOperation or IReturnOperation or IThrowOperation)
                return false;
            if (operation is ILocalReferenceOperation read && SymbolEqualityComparer.Default.Equals(read.Local, pipeline) && read != startReference && read != target)
                return false;
        }
        if (!TryReadStrings(loop.Collection, out var names, values, symbols) || names.IsEmpty)
            return false;
        var builder = ImmutableArray.CreateBuilder<(string, ImmutableArray<string>)>(names.Length);
        foreach (var name in names)
            builder.Add((name, ImmutableArray.Create(name)));
        columns = builder.MoveToImmutable();
        return true;
    }

    private static bool TryReadColumnPairs(IOperation? value, MLNetOperationValues values, out ImmutableArray<(string Output, ImmutableArray<string> Inputs)> columns)
    {
        columns = default;
        if (value is null)
            return false;
        var unwrapped = MLNetOperationValues.Unwrap(value);
        // var columnPairs = new[] { new InputOutputColumnPair("Age"), ... }; ConvertType(columnPairs, DataKind.Single)
        if (unwrapped is ILocalReferenceOperation local && values.ArrayAt(local) is { } held)
            unwrapped = held;
        if (unwrapped is not IArrayCreationOperation { Initializer: { } initializer })
            return false;
        var builder = ImmutableArray.CreateBuilder<(string, ImmutableArray<string>)>(initializer.ElementValues.Length);
        foreach (var element in initializer.ElementValues)
        {
            if (MLNetOperationValues.Unwrap(element) is not IObjectCreationOperation { Arguments.Length: >= 1 } pair)
                return false;
            var output = MLNetOperationValues.ConstantString(pair.Arguments[0].Value);
            if (output is null)
                return false;
            var input = output;
            if (pair.Arguments.Length > 1 && pair.Arguments[1].Value.ConstantValue is { HasValue: true } inputConstant)
            {
                if (inputConstant.Value is string text)
                    input = text;
                else if (inputConstant.Value is not null)
                    return false;
            }
            else if (pair.Arguments.Length > 1)
            {
                return false;
            }
            builder.Add((output, ImmutableArray.Create(input)));
        }
        columns = builder.MoveToImmutable();
        return true;
    }

    /// <summary>A params string[] or array of constants, as ML.NET's inputColumnNames are written.</summary>
    public static bool TryReadStrings(IOperation? value, out ImmutableArray<string> strings, MLNetOperationValues? values = null, MLNetKnownSymbols? symbols = null)
    {
        strings = default;
        if (value is null)
            return false;
        var unwrapped = MLNetOperationValues.Unwrap(value);
        if ((values?.StringValue(unwrapped) ?? MLNetOperationValues.ConstantString(unwrapped)) is { } single)
        {
            strings = ImmutableArray.Create(single);
            return true;
        }
        // var featureColumns = new List<string> { "Age", "Income" }; Concatenate("Features", featureColumns.ToArray())
        if (unwrapped is IInvocationOperation { TargetMethod.Name: "ToArray" } toArray
            && (toArray.Instance ?? (toArray.Arguments.Length == 1 ? toArray.Arguments[0].Value : null)) is { } listed)
            unwrapped = MLNetOperationValues.Unwrap(listed);
        if (unwrapped is ILocalReferenceOperation list && values?.ConstantStringList(list.Local) is { } names)
        {
            strings = names;
            return true;
        }
        // var featureColumns = new[] { "CRIM", "ZN", ... }; Concatenate("Features", featureColumns)
        if (unwrapped is ILocalReferenceOperation local && values?.ArrayAt(local) is { } held)
            unwrapped = held;
        // private static readonly string[] FeatureColumns = { "Income", "LoanAmount" };
        if (unwrapped is IFieldReferenceOperation { Field: { IsReadOnly: true } field })
        {
            strings = ReadonlyStringArray(field);
            return !strings.IsDefault;
        }
        if (unwrapped is not IArrayCreationOperation { Initializer: { } initializer })
        {
            // var features = data.Schema.Select(column => column.Name).Where(name => name != "Label").ToArray();
            if (values is not null && symbols is not null)
                strings = SchemaColumnNames.Read(unwrapped, values, symbols);
            return !strings.IsDefault;
        }
        var builder = ImmutableArray.CreateBuilder<string>(initializer.ElementValues.Length);
        foreach (var element in initializer.ElementValues)
        {
            if ((values?.StringValue(element) ?? MLNetOperationValues.ConstantString(element)) is not { } text)
                return false;
            builder.Add(text);
        }
        strings = builder.MoveToImmutable();
        return true;
    }

    /// <summary>
    /// The string literals a readonly <c>string[]</c> field is initialized with (<c>{ "A", "B" }</c>, <c>new[] { ... }</c>,
    /// <c>new string[] { ... }</c>, <c>["A", "B"]</c>), read from its declaration; default when it is anything else.
    /// </summary>
    private static ImmutableArray<string> ReadonlyStringArray(IFieldSymbol field)
    {
        if (field.Type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } || FieldInitializers.LiteralElements(field) is not { IsDefault: false } elements)
            return default;
        var builder = ImmutableArray.CreateBuilder<string>(elements.Length);
        foreach (var element in elements)
        {
            if (element is not string text)
                return default;
            builder.Add(text);
        }
        return builder.MoveToImmutable();
    }
}

/// <summary>
/// An operation in another method of the project and the analysis of that method's body (a call in a caller, a read of
/// a parameter in a helper). A class, not a tuple: a collection of value tuples is a generic instantiation a fresh
/// compiler process JIT-compiles.
/// </summary>
internal sealed class OperationInMethod
{
    public OperationInMethod(IOperation operation, EstimatorChainEvaluator analysis)
    {
        Operation = operation;
        Analysis = analysis;
    }

    public IOperation Operation { get; }
    public EstimatorChainEvaluator Analysis { get; }
}
