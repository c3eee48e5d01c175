using System;
using System.Collections.Generic;
using Microsoft.ML;

namespace Samples.Clustering
{
    internal static class Program
    {
        private static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            IDataView data = mlContext.Data.LoadFromEnumerable(CreateCustomers(500));
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Customer.Income), nameof(Customer.Visits))
                .Append(mlContext.Clustering.Trainers.KMeans("Features", numberOfClusters: 4)); // SCALE002 expected
            var model = pipeline.Fit(data);
            Console.WriteLine(model);
        }

        private static List<Customer> CreateCustomers(int count)
        {
            var rng = new Random(7);
            var customers = new List<Customer>();
            for (var i = 0; i < count; i++)
            {
                var customer = new Customer();
                customer.Income = 20_000f + (float)rng.NextDouble() * 80_000f;
                customer.Visits = rng.Next(0, 30);
                customers.Add(customer);
            }
            return customers;
        }

        private sealed class Customer
        {
            public float Income { get; set; }
            public float Visits { get; set; }
        }
    }
}
