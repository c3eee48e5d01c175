using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

var readings = ReadWeather(Path.Combine(AppContext.BaseDirectory, "Data", "weather.csv")).ToList();
var x = torch.tensor(readings.SelectMany(r => new[] { r.Temperature, r.Pressure, r.Humidity }).ToArray()).reshape(readings.Count, 3);
var y = torch.tensor(readings.Select(r => r.Rain).ToArray()).reshape(-1, 1);

var model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
var criterion = nn.BCEWithLogitsLoss();
for (var epoch = 0; epoch < 200; epoch++)
{
    optimizer.zero_grad();
    var loss = criterion.forward(model.forward(x), y); // SCALE001 expected
    loss.backward();
    optimizer.step();
}

static IEnumerable<WeatherReading> ReadWeather(string path)
{
    using var reader = new StreamReader(path);
    reader.ReadLine();
    string? line;
    while ((line = reader.ReadLine()) != null)
    {
        var fields = line.Split(',');
        yield return new WeatherReading(
            float.Parse(fields[0], CultureInfo.InvariantCulture),
            float.Parse(fields[1], CultureInfo.InvariantCulture),
            float.Parse(fields[2], CultureInfo.InvariantCulture),
            float.Parse(fields[3], CultureInfo.InvariantCulture));
    }
}

internal readonly record struct WeatherReading(float Temperature, float Pressure, float Humidity, float Rain);
