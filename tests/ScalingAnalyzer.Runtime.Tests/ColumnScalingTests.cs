using System;
using System.IO;
using System.Linq;
using ScalingAnalyzer.Runtime.Tests.Support;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ScalingAnalyzer.Runtime.Tests;

/// <summary>
/// The module form: the scaling inside the model, saved and loaded with model.save/load into a model built afresh
/// without the data (as a serving process builds it), on float32 and float64, 1-D and 2-D.
/// </summary>
public sealed class ColumnScalingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("column-scaling-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Three features far from unit scale and far from each other, and a target in the hundred thousands.</summary>
    private static (Tensor X, Tensor Y) Data(ScalarType dtype, int seed)
    {
        var generator = new Generator((ulong)seed);
        var x = torch.rand(200, 3, ScalarType.Float64, generator: generator) * torch.tensor(new[] { 4500.0, 0.01, 30 }) + torch.tensor(new[] { 500.0, 1e-3, 1e6 });
        var y = (x[.., 0] * 100 + 20000 + torch.randn(200, ScalarType.Float64, generator: generator) * 10000).unsqueeze(1);
        return (x.to(dtype), y.to(dtype));
    }

    public static TheoryData<ScalarType, string> DtypesAndKinds => new()
    {
        { ScalarType.Float32, "standard" },
        { ScalarType.Float64, "standard" },
        { ScalarType.Float32, "minmax" },
        { ScalarType.Float64, "minmax" },
    };

    private static IColumnScaler Fit(string kind, Tensor x) => kind == "standard" ? StandardScaler.Fit(x) : MinMaxScaler.Fit(x, -1, 1);

    private static ColumnScaling AsModule(IColumnScaler scaler, bool inverse) => scaler switch
    {
        StandardScaler s => inverse ? s.AsInverseModule() : s.AsModule(),
        MinMaxScaler m => inverse ? m.AsInverseModule() : m.AsModule(),
        _ => throw new ArgumentException("unknown scaler", nameof(scaler)),
    };

    [Theory]
    [MemberData(nameof(DtypesAndKinds))]
    public void TheModuleComputesWhatTheScalerComputes(ScalarType dtype, string kind)
    {
        using var scope = torch.NewDisposeScope();
        var (x, y) = Data(dtype, 1);
        var featureScaler = Fit(kind, x);
        var targetScaler = Fit(kind, y);

        var scaled = AsModule(featureScaler, inverse: false).call(x);
        var restored = AsModule(targetScaler, inverse: true).call(targetScaler.Transform(y));

        Assert.Equal(dtype, scaled.dtype);
        Assert.Equal(x.shape, scaled.shape);
        // float64: the same operations in the same order; float32: computed in float64 and rounded once, as the
        // scaler's kernel, which multiplies by the reciprocal instead of dividing: at most one float32 ulp apart.
        var ulp = dtype == ScalarType.Float32 ? Math.Pow(2, -23) : Math.Pow(2, -52);
        AssertWithin(featureScaler.Transform(x), scaled, ulp);
        AssertWithin(targetScaler.InverseTransform(targetScaler.Transform(y)), restored, ulp);
    }

    public static TheoryData<ScalarType> Dtypes => new() { ScalarType.Float32, ScalarType.Float64 };

    [Theory]
    [MemberData(nameof(Dtypes))]
    public void SavedWithTheModelAndLoadedIntoAFreshlyBuiltOne(ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        var (x, y) = Data(dtype, 2);
        var featureScaler = StandardScaler.Fit(x);
        var targetScaler = StandardScaler.Fit(y);
        torch.manual_seed(3);
        var trained = nn.Sequential(featureScaler.AsModule(), nn.Linear(3, 1), targetScaler.AsInverseModule()).to(dtype);
        var path = Path.Combine(_directory, "model.bin");
        trained.save(path);

        // A serving process: no data, no scalers; the same structure, built from column counts, then loaded.
        torch.manual_seed(99);
        var served = nn.Sequential(new ColumnScaling(3), nn.Linear(3, 1), new ColumnScaling(1, inverse: true)).to(dtype);
        served.load(path);

        using var noGrad = torch.no_grad();
        var expected = trained.call(x);
        var actual = served.call(x);
        Assert.Equal(dtype, actual.dtype);
        Assert.True(expected.eq(actual).all().item<bool>(), "the loaded model predicts what the saved one did, bit for bit");
        // And what the two scalers around the bare linear layer give, in original units.
        var linear = (nn.Module<Tensor, Tensor>)trained.children().ElementAt(1);
        var byHand = targetScaler.InverseTransform(linear.call(featureScaler.Transform(x)));
        AssertWithin(byHand, actual, dtype == ScalarType.Float32 ? 1e-6 : 1e-14);
        var loadedStatistics = served.named_buffers().ToDictionary(b => b.name, b => TensorMemory.ToDoubleArray(b.buffer));
        Assert.Equal(featureScaler.Mean, loadedStatistics["0.offset"]);
        Assert.Equal(featureScaler.Scale, loadedStatistics["0.divisor"]);
        Assert.Equal(targetScaler.Mean, loadedStatistics["2.offset"]);
    }

    [Theory]
    [MemberData(nameof(Dtypes))]
    public void OneDimensionalDataRoundTripsThroughAStream(ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        var values = (torch.rand(50, ScalarType.Float64, generator: new Generator(4)) * 4500 + 500).to(dtype);
        var scaler = MinMaxScaler.Fit(values);
        var model = nn.Sequential(scaler.AsModule(), scaler.AsInverseModule());
        var saved = new MemoryStream();
        model.save(saved);   // closes the stream it writes to
        var loaded = nn.Sequential(new ColumnScaling(1), new ColumnScaling(1, inverse: true));
        loaded.load(new MemoryStream(saved.ToArray()));

        var scaled = loaded.children().Cast<nn.Module<Tensor, Tensor>>().First().call(values);
        Assert.Equal(new long[] { 50 }, scaled.shape);
        AssertWithin(scaler.Transform(values), scaled, dtype == ScalarType.Float32 ? Math.Pow(2, -23) : Math.Pow(2, -52));
        AssertWithin(values, loaded.call(values), dtype == ScalarType.Float32 ? 1e-6 : 1e-13);
    }

    [Fact]
    public void StatisticsStayFloat64WhenTheModelChangesDtypeAndMoveWithIt()
    {
        using var scope = torch.NewDisposeScope();
        // 1e9 + small spread: rounded to float32, the offset would be off by up to 32 and wipe out the spread.
        var x = torch.tensor(new[] { 1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 6 });
        var scaler = StandardScaler.Fit(x);
        var model = nn.Sequential(scaler.AsModule());
        model.to(ScalarType.Float32);
        model.to(torch.CPU);
        model.to(torch.CPU, ScalarType.Float16);

        var buffers = model.named_buffers().ToList();
        Assert.All(buffers, b => Assert.Equal(ScalarType.Float64, b.buffer.dtype));
        Assert.Equal(scaler.Mean, TensorMemory.ToDoubleArray(buffers[0].buffer));
        AssertWithin(scaler.Transform(x), model.call(x), Math.Pow(2, -52));
    }

    [Fact]
    public void TheScalingHasNoTrainableParameters()
    {
        using var scope = torch.NewDisposeScope();
        var (x, _) = Data(ScalarType.Float32, 5);
        var model = nn.Sequential(StandardScaler.Fit(x).AsModule(), nn.Linear(3, 1));
        Assert.Equal(new[] { "1.weight", "1.bias" }, model.named_parameters().Select(p => p.name));
        // What model.save writes: the statistics beside the weights.
        Assert.Equal(new[] { "0.divisor", "0.offset", "1.bias", "1.weight" }, model.state_dict().Keys.Order());
    }

    /// <summary>A model class written the TorchSharp way: modules in fields, RegisterComponents in the constructor.</summary>
    private sealed class HousePriceRegression : nn.Module<Tensor, Tensor>
    {
        private readonly ColumnScaling scaling;
        private readonly Linear linear = nn.Linear(3, 1);

        public HousePriceRegression(ColumnScaling scaling) : base(nameof(HousePriceRegression))
        {
            this.scaling = scaling;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => linear.forward(scaling.forward(input));
    }

    [Fact]
    public void AFieldOfAModelClassIsSavedAndLoadedOnce()
    {
        using var scope = torch.NewDisposeScope();
        var (x, _) = Data(ScalarType.Float32, 7);
        var trained = new HousePriceRegression(StandardScaler.Fit(x).AsModule());
        Assert.Equal(new[] { "linear.bias", "linear.weight", "scaling.divisor", "scaling.offset" }, trained.state_dict().Keys.Order());

        var path = Path.Combine(_directory, "regression.bin");
        trained.save(path);
        var served = new HousePriceRegression(new ColumnScaling(3));
        served.load(path);
        using var noGrad = torch.no_grad();
        Assert.True(trained.call(x).eq(served.call(x)).all().item<bool>());
    }

    [Fact]
    public void AModuleThatWasNeverLoadedRefusesToRun()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<InvalidOperationException>(() => new ColumnScaling(2).call(torch.ones(4, 2)));
        Assert.Contains("holds no statistics: it was built with new ColumnScaling(2) for loading", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInputAndMismatchedModelsAreRefused()
    {
        using var scope = torch.NewDisposeScope();
        var (x, _) = Data(ScalarType.Float32, 6);
        var module = StandardScaler.Fit(x).AsModule();
        var columns = Assert.ThrowsAny<ArgumentException>(() => module.call(torch.ones(4, 2)));
        Assert.Contains("input has 2 column(s) (shape [4, 2]) but the scaler was fitted on 3 column(s)", columns.Message, StringComparison.Ordinal);
        var integer = Assert.ThrowsAny<ArgumentException>(() => module.call(torch.ones(4, 3, ScalarType.Int64)));
        Assert.Contains("input has an integer dtype Int64", integer.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColumnScaling(0));

        // TorchSharp's own check: a model built with another column count does not load.
        var path = Path.Combine(_directory, "three.bin");
        nn.Sequential(module).save(path);
        var shape = Assert.ThrowsAny<ArgumentException>(() => nn.Sequential(new ColumnScaling(2)).load(path));
        Assert.Contains("Mismatched tensor shape", shape.Message, StringComparison.Ordinal);

        // A file whose statistics are invalid (here: written by a module that was never loaded) is caught when used.
        var unloaded = Path.Combine(_directory, "unloaded.bin");
        var broken = nn.Sequential(new ColumnScaling(3));
        broken.named_buffers().First(b => b.name == "0.divisor").buffer.fill_(0.0);
        broken.named_buffers().First(b => b.name == "0.offset").buffer.fill_(1.0);
        broken.save(unloaded);
        var loaded = nn.Sequential(new ColumnScaling(3));
        loaded.load(unloaded);
        var invalid = Assert.Throws<InvalidOperationException>(() => loaded.call(x));
        Assert.Contains("holds invalid statistics: divisor[0] is 0", invalid.Message, StringComparison.Ordinal);
    }

    /// <summary>Any IColumnScaler, e.g. one the user wrote: its Offset and Divisor, checked.</summary>
    private sealed class FixedScaler(double[] offset, double[] divisor) : IColumnScaler
    {
        public int ColumnCount => offset.Length;
        public System.Collections.Generic.IReadOnlyList<double> Offset => offset;
        public System.Collections.Generic.IReadOnlyList<double> Divisor => divisor;
        public Tensor Transform(Tensor x) => throw new NotSupportedException();
        public Tensor InverseTransform(Tensor x) => throw new NotSupportedException();
        public double[,] Transform(double[,] x) => throw new NotSupportedException();
        public double[,] InverseTransform(double[,] x) => throw new NotSupportedException();
        public float[,] Transform(float[,] x) => throw new NotSupportedException();
        public float[,] InverseTransform(float[,] x) => throw new NotSupportedException();
        public double[] Transform(double[] x) => throw new NotSupportedException();
        public double[] InverseTransform(double[] x) => throw new NotSupportedException();
        public float[] Transform(float[] x) => throw new NotSupportedException();
        public float[] InverseTransform(float[] x) => throw new NotSupportedException();
    }

    [Fact]
    public void AnyColumnScalerMakesAModuleWhenItsStatisticsAreUsable()
    {
        using var scope = torch.NewDisposeScope();
        var module = new ColumnScaling(new FixedScaler([10, -1], [2, 0.5]));
        var scaled = module.call(torch.tensor(new double[,] { { 12, 0 }, { 8, -2 } }));
        Assert.Equal(new double[] { 1, 2, -1, -2 }, scaled.data<double>().ToArray());

        var zero = Assert.ThrowsAny<ArgumentException>(() => new ColumnScaling(new FixedScaler([1, 2], [1, 0])));
        Assert.Contains("The scaler's statistics cannot be used: Divisor[1] is 0", zero.Message, StringComparison.Ordinal);
        var lengths = Assert.ThrowsAny<ArgumentException>(() => new ColumnScaling(new FixedScaler([1, 2], [1]), inverse: true));
        Assert.Contains("Divisor has 1 value(s) but Offset has 2", lengths.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GradientsFlowThroughTheScaling()
    {
        using var scope = torch.NewDisposeScope();
        var scaler = StandardScaler.FromStatistics([10], [4]);
        var x = torch.tensor(new float[] { 2, 6, 18 }).requires_grad_(true);
        scaler.AsModule().call(x).sum().backward();
        Assert.Equal(new float[] { 0.25f, 0.25f, 0.25f }, x.grad!.data<float>().ToArray());
    }

    /// <summary>Elementwise |expected - actual| ≤ tolerance × max(1, |expected|).</summary>
    private static void AssertWithin(Tensor expected, Tensor actual, double tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        var e = Tensors.ToMatrix(expected);
        var a = Tensors.ToMatrix(actual);
        for (var i = 0; i < e.GetLength(0); i++)
        for (var j = 0; j < e.GetLength(1); j++)
            Matrices.AssertClose(e[i, j], a[i, j], tolerance, tolerance, $"[{i}, {j}]");
    }
}
