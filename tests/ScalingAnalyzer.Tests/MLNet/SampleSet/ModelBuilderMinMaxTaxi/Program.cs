using System;
using TaxiFareApp;

TaxiFareModel.Train("TaxiFareModel.mlnet");
var fare = TaxiFareModel.Predict(new TaxiFareModel.ModelInput
{
    Vendor_id = "CMT",
    Rate_code = 1,
    Passenger_count = 1,
    Trip_time_in_secs = 1271,
    Trip_distance = 3.8f,
    Payment_type = "CRD",
});
Console.WriteLine($"Predicted fare: {fare.Score:0.##}");
