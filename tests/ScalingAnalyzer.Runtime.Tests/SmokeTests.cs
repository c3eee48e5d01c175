namespace ScalingAnalyzer.Runtime.Tests;

public class SmokeTests
{
    [Fact]
    public void TorchSharpNativeLoads()
    {
        using var t = TorchSharp.torch.ones(3);
        Assert.Equal(3.0, t.sum().item<float>());
    }
}
