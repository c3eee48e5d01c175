using System;
using System.Collections.Generic;

namespace HouseRecords;

public record HouseRecord
{
    public float Size { get; init; }
    public float Bedrooms { get; init; }
    public float Price { get; init; }
}

public static class HouseGenerator
{
    public static IEnumerable<HouseRecord> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            float size = 500f + (float)random.NextDouble() * 3000f;
            float bedrooms = random.Next(1, 6);
            yield return new HouseRecord
            {
                Size = size,
                Bedrooms = bedrooms,
                Price = 50f + size * 0.12f + bedrooms * 10f,
            };
        }
    }
}
