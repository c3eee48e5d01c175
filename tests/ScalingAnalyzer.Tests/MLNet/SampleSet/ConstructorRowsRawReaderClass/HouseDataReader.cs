using System;
using System.Collections.Generic;
using System.Linq;
using HousePrices.Models;

namespace HousePrices.DataReader
{
    public class HouseDataReader
    {
        protected static Lazy<Random> Random = new Lazy<Random>(() => new Random(), true);

        public IEnumerable<House> GetTrainingData()
            => Enumerable.Range(0, 1000).Select(index =>
            {
                float size = 500 + index * 4.5f;
                float price = (float)(GetPrice(size) * (1 + Random.Value.Next(-3, 3) / 100.0));
                return new House(size, price);
            }).ToArray();

        private static float GetPrice(float size) => size * 150;
    }
}
