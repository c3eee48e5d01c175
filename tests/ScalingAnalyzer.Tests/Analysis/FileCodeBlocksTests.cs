using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ScalingAnalyzer.Analysis;
using Xunit;

namespace ScalingAnalyzer.Tests.Analysis;

/// <summary>
/// The rules read a file once, when the compiler has finished it, block by block as the analyzer driver would hand
/// them to code block actions: every member with a body, in source order, each with the method it is the body of.
/// </summary>
public class FileCodeBlocksTests
{
    private const string Source = """
        using System;
        namespace N
        {
            abstract class A
            {
                int field = 1;
                public A() { }
                ~A() { }
                public abstract void Abstract();
                public void Method() { void Local() { } Local(); }
                public void Method(int overload) { }
                public int Arrow() => field;
                public int Auto { get; set; }
                public int Computed => field * 2;
                public int WithAccessors { get => field; set { field = value; } }
                public int this[int i] => i;
                public event EventHandler Changed { add { } remove { } }
                public static A operator +(A a, A b) => a;
                class Nested { void Inner() { } }
            }
        }
        namespace M;
        interface I { void NoBody(); void WithBody() { } }
        """;

    private static (SyntaxTree Tree, SemanticModel Model) Compile(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("t", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        return (tree, compilation.GetSemanticModel(tree));
    }

    [Fact]
    public void Every_member_with_a_body_is_a_block_in_source_order_with_its_method()
    {
        // A file-scoped namespace after a block-scoped one is an error, but a parsed tree still has both.
        var (tree, model) = Compile(Source.Replace("namespace M;", "namespace M {").TrimEnd() + " }");
        var methods = FileCodeBlocks.Of(tree.GetRoot()).Select(block => new FileCodeBlocks.Methods(model, default).Of(block)?.ToDisplayString()).ToList();
        Assert.Equal(new[]
        {
            "N.A.A()", "N.A.~A()", "N.A.Method()", "N.A.Method(int)", "N.A.Arrow()", "N.A.Computed.get", "N.A.WithAccessors.get", "N.A.WithAccessors.set",
            "N.A.this[int].get", "N.A.Changed.add", "N.A.Changed.remove", "N.A.operator +(N.A, N.A)", "N.A.Nested.Inner()", "M.I.WithBody()",
        }, methods);
    }

    [Fact]
    public void Top_level_statements_are_one_block_beside_the_file_s_types()
    {
        var (tree, model) = Compile("""
            using System;
            Console.WriteLine(Twice(2));
            static int Twice(int x) => 2 * x;
            class Helper { public static void Run() { } }
            """);
        var blocks = FileCodeBlocks.Of(tree.GetRoot()).ToList();
        Assert.IsType<CompilationUnitSyntax>(blocks[0]);
        Assert.Equal("<Main>$", new FileCodeBlocks.Methods(model, default).Of(blocks[0])?.Name);
        Assert.Equal("Run", Assert.Single(blocks.Skip(1).Select(b => new FileCodeBlocks.Methods(model, default).Of(b)?.Name)));
    }

    [Fact]
    public void A_member_of_a_type_marked_generated_code_has_no_method_to_analyse()
    {
        var (tree, model) = Compile("""
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            partial class Generated { void M() { } }
            partial class Generated { void Other() { } }
            class Mine { [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")] void Marked() { } void Kept() { } }
            """);
        var names = FileCodeBlocks.Of(tree.GetRoot()).Select(b => new FileCodeBlocks.Methods(model, default).Of(b)?.Name).ToList();
        Assert.Equal(new string?[] { null, null, null, "Kept" }, names);
        var kept = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Last();
        Assert.False(FileCodeBlocks.IsInMarkedGeneratedCode(kept.Body!, model, default));
        Assert.True(FileCodeBlocks.IsInMarkedGeneratedCode(tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ElementAt(1).Body!, model, default));
    }

    [Fact]
    public void A_partial_method_s_body_is_the_method_of_its_implementing_part()
    {
        var (tree, model) = Compile("partial class P { partial void Hook(); partial void Hook() { } void Other() { } }");
        var blocks = FileCodeBlocks.Of(tree.GetRoot()).ToList();
        var methods = new FileCodeBlocks.Methods(model, default);
        Assert.Equal(new[] { "Hook", "Other" }, blocks.Select(b => methods.Of(b)?.Name));
        Assert.NotNull(methods.Of(blocks[0])!.PartialDefinitionPart);
    }

    [Fact]
    public void Types_nested_thousands_deep_are_walked_without_recursion()
    {
        const int depth = 3000;
        var source = string.Concat(Enumerable.Repeat("class C { ", depth)) + "void M() { }" + string.Concat(Enumerable.Repeat(" }", depth));
        var tree = CSharpSyntaxTree.ParseText(source);
        var block = Assert.Single(FileCodeBlocks.Of(tree.GetRoot()));
        Assert.IsType<MethodDeclarationSyntax>(block);
    }
}
