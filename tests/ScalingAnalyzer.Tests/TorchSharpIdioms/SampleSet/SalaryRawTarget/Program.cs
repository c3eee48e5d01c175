using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Salary
{
    public class SalaryReader
    {
        public float[] Years { get; private set; } = Array.Empty<float>();
        public float[] Salaries { get; private set; } = Array.Empty<float>();

        public void Load(string path)
        {
            var years = new List<float>();
            var salaries = new List<float>();
            using var reader = new StreamReader(path);
            reader.ReadLine();
            while (!reader.EndOfStream)
            {
                var line = reader.ReadLine();
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                var parts = line.Split(',');
                years.Add(float.Parse(parts[0], CultureInfo.InvariantCulture));
                salaries.Add(float.Parse(parts[1], CultureInfo.InvariantCulture));
            }
            Years = years.ToArray();
            Salaries = salaries.ToArray();
        }
    }

    public static class Program
    {
        public static void Main()
        {
            var reader = new SalaryReader();
            reader.Load("Data/Salary_Data.csv");
            var x = torch.tensor(reader.Years).unsqueeze(1);
            var y = torch.tensor(reader.Salaries).unsqueeze(1);
            var model = Linear(1, 1);
            var optimizer = torch.optim.Adam(model.parameters(), lr: 0.05);
            var mse = MSELoss();
            for (var epoch = 0; epoch < 1000; epoch++)
            {
                optimizer.zero_grad();
                var prediction = model.forward(x);
                var loss = mse.forward(prediction,
                    y); // SCALE003 expected
                loss.backward();
                optimizer.step();
            }
        }
    }
}
