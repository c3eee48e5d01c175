using Microsoft.ML.Data;

namespace STEMsalaries
{
    public class Salary
    {
        [LoadColumn(0)]
        public string Company { get; set; }

        [LoadColumn(1)]
        public string Title { get; set; }

        [LoadColumn(2), ColumnName("Label")]
        public float AnnualCompensation { get; set; }

        [LoadColumn(3)]
        public string Location { get; set; }

        [LoadColumn(4)]
        public float YearsExperience { get; set; }

        [LoadColumn(5)]
        public float YearsCompany { get; set; }

        [LoadColumn(6)]
        public string Gender { get; set; }

        [LoadColumn(7)]
        public string Education { get; set; }
    }

    public class SalaryPrediction
    {
        [ColumnName("Score")]
        public float AnnualCompensation { get; set; }
    }
}
