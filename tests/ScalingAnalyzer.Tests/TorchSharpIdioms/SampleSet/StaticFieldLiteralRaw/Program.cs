using TorchSharp;
using static TorchSharp.torch;

public static class Calibration
{
    private static readonly Tensor Readings = torch.tensor(new float[,] { { 1013.2f, 21.5f }, { 1009.8f, 23.1f }, { 1021.4f, 18.9f }, { 998.7f, 25.6f } });
    private static readonly Tensor Offsets = torch.tensor(new float[] { 0.12f, 0.31f, -0.05f, 0.44f }).reshape(4, 1);

    public static void Main()
    {
        var model = nn.Linear(2, 1);
        var optimizer = optim.SGD(model.parameters(), 0.001);
        for (var i = 0; i < 500; i++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(Readings), Offsets); // SCALE001 expected
            loss.backward();
            optimizer.step();
        }
    }
}
