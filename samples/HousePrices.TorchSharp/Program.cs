Console.WriteLine("HousePrices.TorchSharp: under construction");
