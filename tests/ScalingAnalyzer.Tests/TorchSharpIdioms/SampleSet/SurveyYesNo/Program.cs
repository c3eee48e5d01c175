using TorchSharp;
using static TorchSharp.torch;

namespace Survey;

public static class Program
{
    public static void Main()
    {
        var answers = File.ReadAllLines("answers.csv").Skip(1)
            .Select(l => l.Split(',').Select(v => v == "yes" ? 1f : 0f).ToArray())
            .ToArray();
        var x = torch.tensor(answers.SelectMany(a => a.Take(5)).ToArray()).reshape(answers.Length, 5);
        var y = torch.tensor(answers.Select(a => (long)a[5]).ToArray());
        var model = nn.Sequential(nn.Linear(5, 8), nn.ReLU(), nn.Linear(8, 2));
        var optimizer = optim.SGD(model.parameters(), 0.1);
        var loss = nn.CrossEntropyLoss();
        for (var i = 0; i < 100; i++)
        {
            optimizer.zero_grad();
            var l = loss.forward(model.forward(x), y);
            l.backward();
            optimizer.step();
        }
    }
}
