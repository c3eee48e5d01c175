namespace IrisML.ConsoleApp
{
    internal class Program
    {
        private static void Main(string[] args)
        {
            ModelBuilder.CreateModel();
        }
    }
}
