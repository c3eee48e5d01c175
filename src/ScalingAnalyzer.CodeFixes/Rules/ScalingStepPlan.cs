using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScalingAnalyzer.CodeFixes.Rules;

/// <summary>Which runtime scaler a fix fits.</summary>
internal enum ScalerKind
{
    Standardize,
    MinMax,
}

/// <summary>
/// One diagnostic's scaling step, checked and located: fit a scaler on <see cref="Variable"/> just before
/// <see cref="Anchor"/>, and read the scaled tensor at <see cref="Occurrences"/> (the variable as written inside the
/// reported argument) instead of the variable. Built only when every precondition holds, so a fix that is offered
/// always applies and compiles.
/// </summary>
internal sealed class ScalingStepPlan
{
    private ScalingStepPlan(ISymbol variable, INamedTypeSymbol? scalerType, StatementSyntax anchor, ImmutableArray<IdentifierNameSyntax> occurrences,
        ImmutableArray<ExpressionSyntax> serveInputs, ImmutableArray<ExpressionSyntax> outputs, ExpressionStatementSyntax? modelSave)
    {
        ModelSave = modelSave;
        Variable = variable;
        ScalerType = scalerType;
        Anchor = anchor;
        Occurrences = occurrences;
        ServeInputs = serveInputs;
        Outputs = outputs;
    }

    /// <summary>The local or parameter being scaled.</summary>
    public ISymbol Variable { get; }

    /// <summary>
    /// ScalingAnalyzer.Runtime.StandardScaler or MinMaxScaler, as the compilation sees it; null when the compilation
    /// does not reference the runtime library: the step is then written by hand (mean and std of the tensor).
    /// </summary>
    public INamedTypeSymbol? ScalerType { get; }

    public bool IsHandWritten => ScalerType is null;

    /// <summary>
    /// The inputs of the same module used outside training after the step (inference, evaluation), read by the fix
    /// through the same scaler so that the model keeps being given what it was trained on.
    /// </summary>
    public ImmutableArray<ExpressionSyntax> ServeInputs { get; }

    /// <summary>
    /// <c>model.save(path)</c> after the step in its block, with a path that may be read twice: the fitted scaler is saved
    /// beside the model (<c>xScaler.Save(path + ".xScaler.json")</c>), so whoever loads the model can scale its input.
    /// </summary>
    public ExpressionStatementSyntax? ModelSave { get; }

    /// <summary>The forward/call invocations whose outputs are used as original units: mapped back after the fix.</summary>
    public ImmutableArray<ExpressionSyntax> Outputs { get; }

    /// <summary>The statement the scaler and the scaled tensor are declared before; its parent is a statement list.</summary>
    public StatementSyntax Anchor { get; }

    public ImmutableArray<IdentifierNameSyntax> Occurrences { get; }

    public const string StandardScalerMetadataName = "ScalingAnalyzer.Runtime.StandardScaler";
    public const string MinMaxScalerMetadataName = "ScalingAnalyzer.Runtime.MinMaxScaler";

    /// <summary>
    /// Null when the diagnostic cannot be fixed safely: no <c>Variable</c> property, the insertion statement missing
    /// or not around the argument, the variable not in scope there, the variable written (or a tensor mutated in
    /// place) inside the training statement, or the runtime library not referenced.
    /// </summary>
    public static ScalingStepPlan? TryCreate(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, ScalerKind kind, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Variable, out var variableName) || string.IsNullOrEmpty(variableName))
            return null;
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.InsertBefore, out var insertBeforeText)
            || !int.TryParse(insertBeforeText, NumberStyles.None, CultureInfo.InvariantCulture, out var insertBefore)
            || insertBefore < 0 || insertBefore >= root.FullSpan.End)
        {
            return null;
        }

        var span = diagnostic.Location.SourceSpan;
        if (!diagnostic.Location.IsInSource || span.End > root.FullSpan.End)
            return null;
        // A batch from a loader is scaled at its source: the tensor the dataset was made from (ScaleAt), same document.
        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.ScaleAt, out var scaleAt) && scaleAt is not null)
        {
            if (ParseSpan(scaleAt) is not { } sourceSpan || sourceSpan.End > root.FullSpan.End)
                return null;
            span = sourceSpan;
        }
        var reported = root.FindNode(span, getInnermostNodeForTie: true);
        var argument = reported is ArgumentSyntax argumentSyntax ? argumentSyntax.Expression : reported as ExpressionSyntax;
        if (argument is null)
            return null;

        ISymbol? variable = null;
        var occurrences = ImmutableArray.CreateBuilder<IdentifierNameSyntax>();
        // foreach (var batch in x.split(32)) ... forward(batch): the variable is read in the loop's collection.
        var readFrom = PiecesLoopCollection(argument, semanticModel, cancellationToken) ?? argument;
        foreach (var identifier in readFrom.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != variableName)
                continue;
            var symbol = semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol;
            if (symbol is not (ILocalSymbol or IParameterSymbol or IFieldSymbol { IsReadOnly: true }))
                continue;
            // this._x: replacing the name alone would leave this.xScaled.
            if (identifier.Parent is MemberAccessExpressionSyntax { Name: var name } && name == identifier)
                return null;
            if (variable is not null && !SymbolEqualityComparer.Default.Equals(variable, symbol))
                return null;
            variable = symbol;
            occurrences.Add(identifier);
        }

        if (variable is null)
            return null;

        var anchor = FindAnchor(root, insertBefore, argument);
        if (anchor is null || !IsInScopeBefore(variable, anchor, semanticModel, cancellationToken))
            return null;
        if (IsWrittenWithin(anchor, variable, semanticModel, cancellationToken))
            return null;

        var compilation = semanticModel.Compilation;
        var scalerType = compilation.GetTypeByMetadataName(kind == ScalerKind.Standardize ? StandardScalerMetadataName : MinMaxScalerMetadataName);
        var tensorType = compilation.GetTypeByMetadataName(TensorMetadataName);
        if (scalerType is null)
        {
            // No runtime library (the analyzers installed without it): standardize by hand, which needs a tensor.
            if (kind != ScalerKind.Standardize || compilation.GetTypeByMetadataName(ColumnScalerMetadataName) is not null
                || tensorType is null || !SymbolEqualityComparer.Default.Equals(VariableType(variable), tensorType))
                return null;
        }
        else if (!HasFitFor(scalerType, VariableType(variable), compilation))
        {
            return null;
        }

        var serveInputs = ResolveRewrites(root, semanticModel, diagnostic, DiagnosticProperties.ServeInputs, anchor, tensorType, cancellationToken);
        var outputs = ResolveRewrites(root, semanticModel, diagnostic, DiagnosticProperties.Outputs, anchor, tensorType, cancellationToken);
        var modelSave = scalerType is not null && HasSave(scalerType) ? ModelSaveAfter(anchor, semanticModel, cancellationToken) : null;
        var plan = new ScalingStepPlan(variable, scalerType, anchor, occurrences.ToImmutable(), serveInputs, outputs, modelSave);
        plan.IsFeature = !diagnostic.Properties.TryGetValue(DiagnosticProperties.Role, out var role) || role != DiagnosticProperties.TargetRole;
        plan.TensorType = tensorType;
        plan.FindModuleFieldUses(diagnostic, semanticModel, tensorType, cancellationToken);
        return plan;
    }

    /// <summary>
    /// The field holding the trained module, when the other methods of its class (in this document) call it: the scaler
    /// then becomes a field beside it (<c>_xScaler</c>), so that they can apply it. Null: the scaler stays a local.
    /// </summary>
    public IFieldSymbol? ModuleField { get; private set; }

    /// <summary>A feature's step (SCALE001/SCALE004), as opposed to a target's (SCALE003).</summary>
    public bool IsFeature { get; private set; }

    /// <summary>TorchSharp's Tensor, as the compilation sees it.</summary>
    public INamedTypeSymbol? TensorType { get; private set; }

    /// <summary>The module's inputs in the other methods of the class, scaled through the scaler field by a feature fix.</summary>
    public ImmutableArray<ExpressionSyntax> OtherMethodInputs { get; private set; } = ImmutableArray<ExpressionSyntax>.Empty;

    /// <summary>The scaler field may be null where the other methods read it (a nullable-annotated field): read with <c>!</c>.</summary>
    public bool NullableField { get; private set; }

    private void FindModuleFieldUses(Diagnostic diagnostic, SemanticModel semanticModel, INamedTypeSymbol? tensorType, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ModuleField, out var text) || text is null || tensorType is null)
            return;
        var at = text.LastIndexOf('@');
        if (at <= 0 || !int.TryParse(text.Substring(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var declared))
            return;
        var member = Anchor.FirstAncestorOrSelf<MemberDeclarationSyntax>(node => node is BaseMethodDeclarationSyntax or PropertyDeclarationSyntax);
        var type = member?.Parent as TypeDeclarationSyntax;
        if (member is null || type is null || semanticModel.GetDeclaredSymbol(type, cancellationToken) is not { } typeSymbol)
            return;
        var field = typeSymbol.GetMembers(text.Substring(0, at)).OfType<IFieldSymbol>().FirstOrDefault(candidate =>
            candidate.Locations.Length == 1 && candidate.Locations[0].SourceSpan.Start == declared && candidate.Locations[0].SourceTree == Anchor.SyntaxTree);
        if (field is null || field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).FirstAncestorOrSelf<FieldDeclarationSyntax>() is not { Parent: TypeDeclarationSyntax fieldType }
            || fieldType != type)
            return;
        // A static training method cannot write an instance field: then the step stays local.
        if (semanticModel.GetDeclaredSymbol(member, cancellationToken) is { IsStatic: true } && !field.IsStatic)
            return;

        var inputs = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        var usedElsewhere = false;
        foreach (var invocation in type.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (member.Span.Contains(invocation.Span)
                || invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "forward" or "call" } access
                || !SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(access.Expression, cancellationToken).Symbol, field))
                continue;
            // A static member cannot read an instance field's scaler.
            var user = invocation.FirstAncestorOrSelf<MemberDeclarationSyntax>(node => node is BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or FieldDeclarationSyntax);
            if (user is null || (!field.IsStatic && semanticModel.GetDeclaredSymbol(user, cancellationToken) is { IsStatic: true }))
                return;
            usedElsewhere = true;
            if (invocation.ArgumentList.Arguments.Count == 1
                && SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(invocation.ArgumentList.Arguments[0].Expression, cancellationToken).Type, tensorType))
                inputs.Add(invocation.ArgumentList.Arguments[0].Expression);
        }
        if (!usedElsewhere)
            return;
        ModuleField = field;
        OtherMethodInputs = inputs.ToImmutable();
        NullableField = semanticModel.GetNullableContext(type.SpanStart).AnnotationsEnabled();
    }

    private static bool HasSave(INamedTypeSymbol scalerType)
        => scalerType.GetMembers("Save").OfType<IMethodSymbol>().Any(save => !save.IsStatic && save.Parameters.Length == 1 && save.Parameters[0].Type.SpecialType == SpecialType.System_String);

    /// <summary>
    /// The first statement after the anchor in its block that saves a TorchSharp module to a path given by a literal,
    /// a local, a parameter or a field (read again without side effects).
    /// </summary>
    private static ExpressionStatementSyntax? ModelSaveAfter(StatementSyntax anchor, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var statements = anchor.Parent switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            _ => default,
        };
        if (statements == default)
            return null;
        foreach (var statement in statements)
        {
            if (statement.SpanStart < anchor.Span.End
                || statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "save" }, ArgumentList.Arguments: { Count: 1 } arguments } invocation } expression)
                continue;
            var path = arguments[0].Expression;
            if (path is not (LiteralExpressionSyntax or IdentifierNameSyntax)
                || semanticModel.GetTypeInfo(path, cancellationToken).Type?.SpecialType != SpecialType.System_String
                || semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { ContainingType: { } module }
                || !InheritsFromModule(module))
                continue;
            return expression;
        }
        return null;
    }

    private static bool InheritsFromModule(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.Name == "Module" && type.ContainingType?.Name == "nn" && type.ContainingNamespace?.ToDisplayString() == "TorchSharp")
                return true;
        }
        return false;
    }

    public const string TensorMetadataName = "TorchSharp.torch+Tensor";
    public const string ColumnScalerMetadataName = "ScalingAnalyzer.Runtime.IColumnScaler";

    /// <summary>
    /// The tensor expressions at the spans a property lists ("start,length;..."), kept only where the declarations the
    /// step adds before <paramref name="anchor"/> are visible: after it, in its block, not in a lambda or local function
    /// (a static one could not capture them). The others are left as they are (SCALE005 reports them after the fix).
    /// </summary>
    internal static ImmutableArray<ExpressionSyntax> ResolveRewrites(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, string key, StatementSyntax? anchor, INamedTypeSymbol? tensorType, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(key, out var spansText) || string.IsNullOrEmpty(spansText) || tensorType is null)
            return ImmutableArray<ExpressionSyntax>.Empty;
        var expressions = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var spanText in spansText!.Split(';'))
        {
            var parts = spanText.Split(',');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || start + length > root.FullSpan.End)
                continue;
            var span = new Microsoft.CodeAnalysis.Text.TextSpan(start, length);
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            var expression = node is ArgumentSyntax argumentSyntax ? argumentSyntax.Expression : node as ExpressionSyntax;
            if (expression is null || expression.Span != span)
                continue;
            if (anchor is not null && (expression.SpanStart < anchor.Span.End || anchor.Parent is null || !anchor.Parent.Span.Contains(expression.Span)))
                continue;
            if (expression.Ancestors().TakeWhile(ancestor => ancestor != anchor?.Parent).Any(ancestor => ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                continue;
            if (!SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(expression, cancellationToken).Type, tensorType))
                continue;
            expressions.Add(expression);
        }
        return expressions.ToImmutable();
    }

    private static Microsoft.CodeAnalysis.Text.TextSpan? ParseSpan(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0
            || !int.TryParse(text.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(text.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || start < 0 || length <= 0 || start > int.MaxValue - length)
        {
            return null;
        }
        return new Microsoft.CodeAnalysis.Text.TextSpan(start, length);
    }

    /// <summary>
    /// When the argument is the variable of a foreach over the pieces of a tensor (<c>foreach (var batch in
    /// x.split(32))</c>) read nowhere else in the loop's body, the loop's collection: scaling x there scales every batch.
    /// </summary>
    private static ExpressionSyntax? PiecesLoopCollection(ExpressionSyntax argument, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (argument is not IdentifierNameSyntax identifier
            || semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol batch
            || batch.DeclaringSyntaxReferences.Length != 1
            || batch.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ForEachStatementSyntax loop)
        {
            return null;
        }
        var reads = loop.Statement.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Count(name => name.Identifier.ValueText == batch.Name && SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(name, cancellationToken).Symbol, batch));
        return reads == 1 ? loop.Expression : null;
    }

    /// <summary>
    /// The statement starting at <paramref name="insertBefore"/> that contains the argument, lifted out of embedded
    /// positions (<c>if (c) for (...)</c>, labels) to the nearest statement that sits in a block, a switch section
    /// or the top-level statements, where new declarations can go.
    /// </summary>
    private static StatementSyntax? FindAnchor(SyntaxNode root, int insertBefore, ExpressionSyntax argument)
    {
        StatementSyntax? statement = null;
        foreach (var ancestor in argument.Ancestors())
        {
            if (ancestor is StatementSyntax candidate && candidate.SpanStart == insertBefore)
            {
                statement = candidate;
                break;
            }
        }

        if (statement is null)
            return null;

        while (statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax))
        {
            var enclosing = statement.Parent?.FirstAncestorOrSelf<SyntaxNode>(node => node is StatementSyntax or MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax);
            if (enclosing is not StatementSyntax enclosingStatement || enclosingStatement is BlockSyntax)
                return null;
            statement = enclosingStatement;
        }

        return root.FullSpan.Contains(statement.Span) ? statement : null;
    }

    /// <summary>Declared before the anchor (not by it; a field anywhere) and visible at its start.</summary>
    private static bool IsInScopeBefore(ISymbol variable, StatementSyntax anchor, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var reference in variable is IFieldSymbol ? ImmutableArray<SyntaxReference>.Empty : variable.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            if (declaration.SyntaxTree == anchor.SyntaxTree && declaration.Span.End > anchor.SpanStart)
                return false;
        }

        foreach (var visible in semanticModel.LookupSymbols(anchor.SpanStart, name: variable.Name))
        {
            if (SymbolEqualityComparer.Default.Equals(visible, variable))
                return true;
        }

        return false;
    }

    /// <summary>
    /// Any assignment, increment, ref/out pass or element store to the variable, or an in-place tensor method
    /// (TorchSharp's trailing underscore: <c>add_</c>, <c>mul_</c>, ...) called on it, inside the training statement:
    /// the scaled copy made before it would go stale.
    /// </summary>
    private static bool IsWrittenWithin(StatementSyntax anchor, ISymbol variable, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var identifier in anchor.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != variable.Name)
                continue;
            if (!SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, variable))
                continue;
            if (IsWrite(identifier))
                return true;
        }

        return false;
    }

    private static bool IsWrite(IdentifierNameSyntax identifier)
    {
        SyntaxNode expression = identifier;
        while (expression.Parent is ParenthesizedExpressionSyntax)
            expression = expression.Parent;

        switch (expression.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == expression:
            case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
            case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
            case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword):
                return true;
            case ElementAccessExpressionSyntax elementAccess when elementAccess.Expression == expression
                && elementAccess.Parent is AssignmentExpressionSyntax store && store.Left == elementAccess:
                return true;
            case MemberAccessExpressionSyntax memberAccess when memberAccess.Expression == expression
                && memberAccess.Parent is InvocationExpressionSyntax
                && memberAccess.Name.Identifier.ValueText.EndsWith("_", System.StringComparison.Ordinal):
                return true;
            default:
                return false;
        }
    }

    private static ITypeSymbol? VariableType(ISymbol variable) => variable switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    /// <summary>The runtime scaler has a static Fit the variable converts to implicitly (Tensor, double[,], ...).</summary>
    private static bool HasFitFor(INamedTypeSymbol scalerType, ITypeSymbol? variableType, Compilation compilation)
    {
        if (variableType is null || variableType.TypeKind == TypeKind.Error)
            return false;
        foreach (var member in scalerType.GetMembers("Fit"))
        {
            if (member is IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, Parameters.Length: > 0 } fit
                && compilation.ClassifyConversion(variableType, fit.Parameters[0].Type).IsImplicit)
            {
                return true;
            }
        }

        return false;
    }
}
