using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis.MLNet;

/// <summary>An ML.NET chain with a normalizer fitted on rows that are afterwards held out (SCALE006).</summary>
internal sealed class MLNetLeakFinding
{
    public MLNetLeakFinding(IInvocationOperation fit, IInvocationOperation evaluation, string dataName, bool crossValidation, bool isStatistic = false)
    {
        Fit = fit;
        Evaluation = evaluation;
        DataName = dataName;
        CrossValidation = crossValidation;
        IsStatistic = isStatistic;
    }

    /// <summary>The site is a .NET statistic (<c>records.Max(r =&gt; r.Size)</c>) the rows were scaled with before <c>LoadFromEnumerable</c>.</summary>
    public bool IsStatistic { get; }

    /// <summary>The <c>Fit</c> of the chain that holds the normalizer: where the statistics are learned.</summary>
    public IInvocationOperation Fit { get; }

    /// <summary>The TrainTestSplit or CrossValidate call that holds rows out of the fitted data.</summary>
    public IInvocationOperation Evaluation { get; }

    public string DataName { get; }
    public bool CrossValidation { get; }
}

/// <summary>
/// Where an ML.NET data view's rows come from within one method body: a root (a parameter, a loader, anything not
/// followed), the fitted normalizing chains applied to it, and the part of a TrainTestSplit it is.
/// </summary>
internal sealed class MLNetSplitLeakage
{
    private const int MaxDepth = 12;

    private readonly MLNetKnownSymbols _symbols;
    private readonly MLNetProgram? _program;
    private MLNetOperationValues _values = null!;
    private CancellationToken _cancellationToken;

    public MLNetSplitLeakage(MLNetKnownSymbols symbols, MLNetProgram? program = null)
    {
        _symbols = symbols;
        _program = program;
    }

    /// <summary>The text filter before binding: a Fit and a split or cross-validation in the same code.</summary>
    public static bool MayLeak(SyntaxNode code) => CodeText.ContainsOneOfEach(code, FitWords, SplitWords);

    private static readonly string[] FitWords = { "Fit" };
    private static readonly string[] SplitWords = { "TrainTestSplit", "CrossValidate" };

    public List<MLNetLeakFinding> Find(IOperation body, CancellationToken cancellationToken)
    {
        _values = new MLNetOperationValues(body);
        _cancellationToken = cancellationToken;
        var findings = new List<MLNetLeakFinding>();
        var reported = new HashSet<IOperation>();
        var testSetReads = new List<IOperation>();
        var splits = new List<IInvocationOperation>();
        var crossValidations = new List<IInvocationOperation>();
        var transforms = new List<IInvocationOperation>();
        foreach (var operation in body.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IInvocationOperation invocation when invocation.TargetMethod.Name == "TrainTestSplit" && _symbols.IsRowOperation(invocation.TargetMethod):
                    splits.Add(invocation);
                    break;
                case IInvocationOperation invocation when invocation.TargetMethod.Name.StartsWith("CrossValidate", StringComparison.Ordinal) && IsCrossValidation(invocation.TargetMethod):
                    crossValidations.Add(invocation);
                    break;
                case IInvocationOperation invocation when _symbols.IsTransformerTransform(invocation.TargetMethod):
                    transforms.Add(invocation);
                    break;
                case IFieldReferenceOperation { Field.Name: "TestSet" } field when _symbols.TrainTestData.Matches(field.Field.ContainingType):
                    testSetReads.Add(field);
                    break;
                case IPropertyReferenceOperation { Property.Name: "TestSet" } property when _symbols.TrainTestData.Matches(property.Property.ContainingType):
                    testSetReads.Add(property);
                    break;
            }
        }

        foreach (var split in splits)
        {
            if (DataArgument(split) is not { } data || !TestSetIsRead(split, testSetReads))
                continue;
            var origin = Resolve(data, 0);
            if (origin.Part is not null)
                continue;
            // The split's rows were scaled by a chain fitted on all of them.
            foreach (var fit in origin.Fits)
            {
                if (fit.Data.Part is null && ReferenceEquals(fit.Data.Root, origin.Root) && reported.Add(fit.ReportedAt))
                    findings.Add(new MLNetLeakFinding(fit.ReportedAt, split, NameOf(fit.Data), crossValidation: false, fit.IsStatistic));
            }
        }
        // A chain fitted on all rows, applied to the parts of a split of those rows.
        foreach (var transform in transforms)
        {
            if (transform.Arguments.Length != 1 || transform.Instance is null)
                continue;
            var input = Resolve(transform.Arguments[0].Value, 0);
            if (input.Part is not { } part || FitOf(transform.Instance, 0) is not { } fit || fit.Data.Part is not null)
                continue;
            if (DataArgument(part.Split) is not { } splitData || !ReferenceEquals(Resolve(splitData, 0).Root, fit.Data.Root) || !TestSetIsRead(part.Split, testSetReads))
                continue;
            if (reported.Add(fit.Invocation))
                findings.Add(new MLNetLeakFinding(fit.Invocation, part.Split, NameOf(fit.Data), crossValidation: false));
        }
        foreach (var crossValidation in crossValidations)
        {
            if (DataArgument(crossValidation) is not { } data)
                continue;
            var origin = Resolve(data, 0);
            foreach (var fit in origin.Fits)
            {
                if (fit.Data.Part is null && ReferenceEquals(fit.Data.Root, origin.Root) && origin.Part is null && reported.Add(fit.ReportedAt))
                    findings.Add(new MLNetLeakFinding(fit.ReportedAt, crossValidation, NameOf(fit.Data), crossValidation: true, fit.IsStatistic));
            }
        }
        return findings;
    }

    private static bool IsCrossValidation(IMethodSymbol method)
        => method.ContainingType is { } type && type.ContainingNamespace?.ToDisplayString() == "Microsoft.ML" && type.Name.EndsWith("Catalog", StringComparison.Ordinal);

    private IOperation? DataArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Name: "data" })
                return argument.Value;
        }
        var parameter = _symbols.FindDataViewParameter(invocation.TargetMethod);
        foreach (var argument in invocation.Arguments)
        {
            if (SymbolEqualityComparer.Default.Equals(argument.Parameter, parameter))
                return argument.Value;
        }
        return null;
    }

    /// <summary>The split's TestSet is read somewhere in the body: the held-out rows are used.</summary>
    private bool TestSetIsRead(IInvocationOperation split, List<IOperation> testSetReads)
    {
        foreach (var read in testSetReads)
        {
            var instance = read switch
            {
                IFieldReferenceOperation field => field.Instance,
                IPropertyReferenceOperation property => property.Instance,
                _ => null,
            };
            if (instance is not null && ReferenceEquals(SplitOf(instance, 0), split))
                return true;
        }
        return false;
    }

    private IInvocationOperation? SplitOf(IOperation operation, int depth)
    {
        operation = MLNetOperationValues.Unwrap(operation);
        if (depth > MaxDepth)
            return null;
        return operation switch
        {
            IInvocationOperation { TargetMethod.Name: "TrainTestSplit" } invocation => invocation,
            ILocalReferenceOperation local when _values.ValueAt(local) is { } value => SplitOf(value, depth + 1),
            _ => null,
        };
    }

    private sealed class FitSite
    {
        public FitSite(IInvocationOperation invocation, ViewOrigin data, IInvocationOperation? reportedAt = null, bool isStatistic = false)
        {
            Invocation = invocation;
            Data = data;
            ReportedAt = reportedAt ?? invocation;
            IsStatistic = isStatistic;
        }

        /// <summary>A .NET statistic the rows were scaled with before they became a view, not an ML.NET normalizer's Fit.</summary>
        public bool IsStatistic { get; }

        public IInvocationOperation Invocation { get; }
        public ViewOrigin Data { get; }

        /// <summary>Where the finding is reported: the Fit itself, or the call of the helper of the project that fits it.</summary>
        public IInvocationOperation ReportedAt { get; }
    }

    private sealed class SplitPart
    {
        public SplitPart(IInvocationOperation split, string name)
        {
            Split = split;
            Name = name;
        }

        public IInvocationOperation Split { get; }
        public string Name { get; }
    }

    private sealed class ViewOrigin
    {
        public ViewOrigin(object root, List<FitSite> fits, SplitPart? part, string? name)
        {
            Root = root;
            Fits = fits;
            Part = part;
            Name = name;
        }

        /// <summary>The rows' source (a symbol or an operation), compared by reference.</summary>
        public object Root { get; }
        public List<FitSite> Fits { get; }
        public SplitPart? Part { get; }
        public string? Name { get; }
    }

    private static string NameOf(ViewOrigin origin) => origin.Name ?? "the data";

    private ViewOrigin Resolve(IOperation operation, int depth)
    {
        operation = MLNetOperationValues.Unwrap(operation);
        if (depth > MaxDepth)
            return new ViewOrigin(operation, new List<FitSite>(), null, null);
        switch (operation)
        {
            case ILocalReferenceOperation local:
                if (_values.ValueAt(local) is { } value)
                {
                    var resolved = Resolve(value, depth + 1);
                    return resolved.Name is null ? new ViewOrigin(resolved.Root, resolved.Fits, resolved.Part, local.Local.Name) : resolved;
                }
                return new ViewOrigin(local.Local, new List<FitSite>(), null, local.Local.Name);
            case IParameterReferenceOperation parameter:
                return new ViewOrigin(parameter.Parameter, new List<FitSite>(), null, parameter.Parameter.Name);
            case IFieldReferenceOperation { Field.Name: "TrainSet" or "TestSet" } field when field.Instance is not null && SplitOf(field.Instance, depth + 1) is { } split:
                return PartOf(split, field.Field.Name, depth);
            case IPropertyReferenceOperation { Property.Name: "TrainSet" or "TestSet" } property when property.Instance is not null && SplitOf(property.Instance, depth + 1) is { } split:
                return PartOf(split, property.Property.Name, depth);
            case IInvocationOperation invocation when _symbols.IsTransformerTransform(invocation.TargetMethod) && invocation.Instance is not null && invocation.Arguments.Length == 1:
                var input = Resolve(invocation.Arguments[0].Value, depth + 1);
                if (FitOf(invocation.Instance, depth + 1) is not { } fit)
                    return input;
                var fits = new List<FitSite>(input.Fits) { fit };
                return new ViewOrigin(input.Root, fits, input.Part, input.Name);
            case IInvocationOperation invocation when invocation.TargetMethod.Name != "TrainTestSplit" && _symbols.IsRowOperation(invocation.TargetMethod) && DataArgument(invocation) is { } rows:
                return Resolve(rows, depth + 1);
            case IInvocationOperation { TargetMethod.Name: "LoadFromEnumerable", Arguments.Length: >= 1 } load
                when _symbols.IsRawDataSource(load.TargetMethod, out var readsObjects) && readsObjects
                     && GeneratedRows.OwnStatisticOf(load.Arguments[0].Value, _values, MLNetOperationValues.RootOf(load)) is { } scaling:
                // rows.Select(r => new Row { Size = r.Size / rows.Max(x => x.Size) }): statistics of every row, in .NET.
                var whole = Resolve(scaling.Sequence, depth + 1);
                return new ViewOrigin(whole.Root, new List<FitSite>(whole.Fits) { new FitSite(scaling.Statistic, whole, isStatistic: true) }, whole.Part, whole.Name);
            case IInvocationOperation invocation when _program is not null && ViewHelperReturn(invocation) is { } helper:
                return ThroughHelper(invocation, helper.Returned, helper.Values, depth);
            default:
                return new ViewOrigin(operation, new List<FitSite>(), null, null);
        }
    }

    /// <summary>
    /// The one view a method of the project returns (<c>static IDataView Prepare(MLContext ml, IDataView data) =&gt;
    /// chain.Fit(data).Transform(data);</c>), read in its own body; null for library, virtual or very large methods, or
    /// several returns.
    /// </summary>
    private (IOperation Returned, MLNetOperationValues Values)? ViewHelperReturn(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || method.IsVirtual || method.IsAbstract
            || method.DeclaringSyntaxReferences.IsEmpty || !_symbols.IsDataView(method.ReturnType)
            || _program!.BodyOf(method, _cancellationToken, invocation.SemanticModel) is not { } body)
            return null;
        IOperation? returned = null;
        foreach (var operation in body.OwnOperations)
        {
            if (operation is not IReturnOperation { ReturnedValue: { } value })
                continue;
            if (returned is not null)
                return null;
            returned = value;
        }
        return returned is null ? null : (returned, body.Values);
    }

    /// <summary>
    /// A view a helper returns, seen from the call: the helper's parameter stands for the caller's argument, and a chain
    /// the helper fits on the rows it was given is reported at the call (<c>Prepare(ml, data)</c>), the way the
    /// TorchSharp side reports <c>Standardize(data)</c>.
    /// </summary>
    private ViewOrigin ThroughHelper(IInvocationOperation call, IOperation returned, MLNetOperationValues helperValues, int depth)
    {
        var inside = new MLNetSplitLeakage(_symbols, _program) { _values = helperValues, _cancellationToken = _cancellationToken }.Resolve(returned, depth + 1);
        if (inside.Part is not null || inside.Root is not IParameterSymbol parameter
            || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, call.TargetMethod.OriginalDefinition)
            || ArgumentOf(call, parameter) is not { } argument)
            return new ViewOrigin(call, new List<FitSite>(), null, null);
        var outside = Resolve(argument, depth + 1);
        var fits = new List<FitSite>(outside.Fits);
        foreach (var fit in inside.Fits)
        {
            // Only statistics of the rows the helper was given: they are the caller's rows.
            if (fit.Data.Part is null && ReferenceEquals(fit.Data.Root, parameter))
                fits.Add(new FitSite(fit.Invocation, outside, call, fit.IsStatistic));
        }
        return new ViewOrigin(outside.Root, fits, outside.Part, outside.Name);
    }

    private static IOperation? ArgumentOf(IInvocationOperation call, IParameterSymbol parameter)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { } target && target.Ordinal == parameter.Ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
                return argument.Value;
        }
        return null;
    }

    private ViewOrigin PartOf(IInvocationOperation split, string name, int depth)
    {
        var whole = DataArgument(split) is { } data ? Resolve(data, depth + 1) : new ViewOrigin(split, new List<FitSite>(), null, null);
        return new ViewOrigin(whole.Root, whole.Fits, new SplitPart(split, name), whole.Name);
    }

    /// <summary>The fit of a chain holding a normalizer that learns statistics, when <paramref name="transformer"/> is one.</summary>
    private FitSite? FitOf(IOperation transformer, int depth)
    {
        transformer = MLNetOperationValues.Unwrap(transformer);
        if (depth > MaxDepth)
            return null;
        switch (transformer)
        {
            case ILocalReferenceOperation local when _values.ValueAt(local) is { } value:
                return FitOf(value, depth + 1);
            case IInvocationOperation invocation when _symbols.IsEstimatorFit(invocation.TargetMethod) && invocation.Arguments.Length == 1 && invocation.Instance is not null:
                if (!HoldsNormalizer(invocation.Instance, depth + 1))
                    return null;
                return new FitSite(invocation, Resolve(invocation.Arguments[0].Value, depth + 1));
            default:
                return null;
        }
    }

    /// <summary>The estimator (a chain built in view, through locals) contains a normalizer that learns statistics.</summary>
    private bool HoldsNormalizer(IOperation estimator, int depth)
    {
        if (depth > MaxDepth)
            return false;
        foreach (var operation in MLNetOperationValues.Unwrap(estimator).DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation invocation when _symbols.GetTransformKind(invocation.TargetMethod) == ColumnTransformKind.Normalizer:
                    return true;
                case ILocalReferenceOperation local when _values.ValueAt(local) is { } value && HoldsNormalizer(value, depth + 1):
                    return true;
            }
        }
        return false;
    }
}
