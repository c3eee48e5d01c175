using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.ML;

namespace SongPreferences
{
    public class Song
    {
        public float Danceability { get; set; }
        public float Energy { get; set; }
        public float Valence { get; set; }
        public bool Liked { get; set; }
    }

    internal static class Program
    {
        private const string DataPath = "Data/songs.csv";

        private static void Main()
        {
            var mlContext = new MLContext(seed: 0);
            var songs = ReadSongs(DataPath);
            var data = mlContext.Data.LoadFromEnumerable(songs);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Song.Danceability), nameof(Song.Energy), nameof(Song.Valence))
                .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: nameof(Song.Liked)));
            var model = pipeline.Fit(data);
            Console.WriteLine(model);
        }

        private static List<Song> ReadSongs(string path)
        {
            var songs = new List<Song>();
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var fields = line.Split(',');
                songs.Add(new Song
                {
                    Danceability = float.Parse(fields[0], CultureInfo.InvariantCulture),
                    Energy = float.Parse(fields[1], CultureInfo.InvariantCulture),
                    Valence = float.Parse(fields[2], CultureInfo.InvariantCulture),
                    Liked = fields[3] == "1",
                });
            }
            return songs;
        }
    }
}
