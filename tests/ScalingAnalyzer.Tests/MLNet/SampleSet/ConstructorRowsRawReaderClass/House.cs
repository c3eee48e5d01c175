namespace HousePrices.Models
{
    public class House
    {
        public House(float size, float price)
        {
            this.Size = size;
            this.Price = price;
        }

        public float Size { get; set; }

        public float Price { get; set; }
    }
}
