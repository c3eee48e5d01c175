Console.WriteLine("HousePrices.MLNet: under construction");
