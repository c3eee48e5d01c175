namespace ScalingAnalyzer.Benchmarks.AnalyzerOverhead;

/// <summary>
/// Ordinary application code that references neither TorchSharp nor ML.NET, of the same size and kinds of
/// statements (loops, arithmetic, LINQ, records): what the analyzers must skip at almost no cost.
/// </summary>
internal static class PlainSources
{
    public static string Create(int index, Random random) => (index % 3) switch
    {
        0 => Orders(index, random),
        1 => Statistics(index, random),
        _ => TextReport(index, random),
    };

    private static string Orders(int index, Random random) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Generated.Business{{index}};

        public sealed record OrderLine{{index}}(string Sku, int Quantity, decimal UnitPrice);

        public sealed record Order{{index}}(int Id, DateOnly Date, IReadOnlyList<OrderLine{{index}}> Lines)
        {
            public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);
        }

        public static class OrderBook{{index}}
        {
            public static IReadOnlyDictionary<string, decimal> RevenueBySku(IEnumerable<Order{{index}}> orders) =>
                orders.SelectMany(o => o.Lines)
                    .GroupBy(l => l.Sku)
                    .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity * l.UnitPrice));

            public static decimal Discounted(Order{{index}} order)
            {
                var total = order.Total;
                if (total > {{random.Next(100, 1000)}}m) total *= 0.{{random.Next(80, 99)}}m;
                foreach (var line in order.Lines)
                {
                    if (line.Quantity >= {{random.Next(5, 20)}}) total -= line.UnitPrice;
                }
                return Math.Max(0, total);
            }

            public static List<Order{{index}}> Generate(int count)
            {
                var random = new Random({{index}});
                var orders = new List<Order{{index}}>();
                for (var i = 0; i < count; i++)
                {
                    var lines = Enumerable.Range(0, random.Next(1, 6))
                        .Select(j => new OrderLine{{index}}($"SKU-{j}", random.Next(1, 30), random.Next(1, 500)))
                        .ToList();
                    orders.Add(new Order{{index}}(i, DateOnly.FromDayNumber(739000 + i), lines));
                }
                return orders;
            }
        }
        """;

    private static string Statistics(int index, Random random) => $$"""
        using System;
        using System.Linq;

        namespace Generated.Business{{index}};

        public static class SensorStatistics{{index}}
        {
            public static (double Mean, double Deviation) Summarize(double[] readings)
            {
                var mean = readings.Average();
                var sum = 0.0;
                for (var i = 0; i < readings.Length; i++)
                {
                    var delta = readings[i] - mean;
                    sum += delta * delta;
                }
                return (mean, Math.Sqrt(sum / readings.Length));
            }

            public static double[] MovingAverage(double[] readings, int width)
            {
                var result = new double[Math.Max(0, readings.Length - width + 1)];
                var window = readings.Take(width).Sum();
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = window / width;
                    if (i + width < readings.Length) window += readings[i + width] - readings[i];
                }
                return result;
            }

            public static double[] Calibrate(double[] readings) =>
                readings.Select(r => (r - {{random.Next(0, 100)}}) * {{random.Next(1, 9)}}.{{random.Next(0, 99)}}).ToArray();

            public static int CountSpikes(double[] readings, double threshold)
            {
                var spikes = 0;
                for (var i = 1; i < readings.Length - 1; i++)
                {
                    if (readings[i] > threshold && readings[i] > readings[i - 1] && readings[i] > readings[i + 1]) spikes++;
                }
                return spikes;
            }
        }
        """;

    private static string TextReport(int index, Random random) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using System.Text;

        namespace Generated.Business{{index}};

        public sealed class Customer{{index}}
        {
            public string Name { get; init; } = "";
            public string City { get; init; } = "";
            public int Visits { get; set; }
            public DateTime LastVisit { get; set; }
        }

        public static class CustomerReport{{index}}
        {
            public static string Render(IEnumerable<Customer{{index}}> customers)
            {
                var builder = new StringBuilder();
                builder.AppendLine("| Name | City | Visits | Last visit |");
                foreach (var customer in customers.OrderByDescending(c => c.Visits).ThenBy(c => c.Name))
                {
                    builder.Append("| ").Append(customer.Name).Append(" | ").Append(customer.City).Append(" | ")
                        .Append(customer.Visits.ToString(CultureInfo.InvariantCulture)).Append(" | ")
                        .Append(customer.LastVisit.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).AppendLine(" |");
                }
                return builder.ToString();
            }

            public static Dictionary<string, int> VisitsByCity(IEnumerable<Customer{{index}}> customers)
            {
                var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                foreach (var customer in customers)
                {
                    result.TryGetValue(customer.City, out var visits);
                    result[customer.City] = visits + customer.Visits;
                }
                return result;
            }

            public static IEnumerable<Customer{{index}}> Dormant(IEnumerable<Customer{{index}}> customers, DateTime now) =>
                customers.Where(c => (now - c.LastVisit).TotalDays > {{random.Next(30, 400)}});
        }
        """;
}
