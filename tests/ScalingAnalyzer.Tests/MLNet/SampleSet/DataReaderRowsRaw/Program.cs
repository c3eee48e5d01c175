using System;
using System.Collections.Generic;
using System.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnFromDatabase
{
    public class CustomerRow
    {
        public float MonthlyCharges { get; set; }
        public float TenureMonths { get; set; }
        public float SupportCalls { get; set; }
        public bool Churned { get; set; }
    }

    internal sealed class CustomerStore
    {
        private readonly Func<IDataReader> _openReader;

        public CustomerStore(Func<IDataReader> openReader) => _openReader = openReader;

        // SELECT monthly_charges, tenure_months, support_calls, churned FROM customers
        public IEnumerable<CustomerRow> ReadCustomers()
        {
            using IDataReader reader = _openReader();
            while (reader.Read())
            {
                yield return new CustomerRow
                {
                    MonthlyCharges = reader.GetFloat(0),
                    TenureMonths = reader.GetFloat(1),
                    SupportCalls = reader.GetFloat(2),
                    Churned = reader.GetBoolean(3),
                };
            }
        }
    }

    internal static class Program
    {
        private static void Main()
        {
            var table = new DataTable("customers");
            table.Columns.Add("monthly_charges", typeof(float));
            table.Columns.Add("tenure_months", typeof(float));
            table.Columns.Add("support_calls", typeof(float));
            table.Columns.Add("churned", typeof(bool));
            var store = new CustomerStore(() => table.CreateDataReader());

            var mlContext = new MLContext(seed: 0);
            IDataView data = mlContext.Data.LoadFromEnumerable(store.ReadCustomers());

            var pipeline = mlContext.Transforms.CopyColumns("Label", nameof(CustomerRow.Churned))
                .Append(mlContext.Transforms.Concatenate("Features", nameof(CustomerRow.MonthlyCharges), nameof(CustomerRow.TenureMonths), nameof(CustomerRow.SupportCalls)))
                .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression()); // SCALE002 expected

            var model = pipeline.Fit(data);
            Console.WriteLine(model.LastTransformer.Model.SubModel.Bias);
        }
    }
}
