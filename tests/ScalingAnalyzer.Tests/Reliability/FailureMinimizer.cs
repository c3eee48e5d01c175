namespace ScalingAnalyzer.Tests.Reliability;

/// <summary>
/// Shrinks a failing input line by line (delta debugging) so a report carries the smallest program that still
/// fails, not a generated page. Bounded: at most <c>maxAttempts</c> re-runs.
/// </summary>
public static class FailureMinimizer
{
    public static async Task<string> MinimizeAsync(string source, Func<string, Task<bool>> stillFails, int maxAttempts = 300)
    {
        var lines = source.Split('\n').ToList();
        var attempts = 0;
        var chunk = Math.Max(1, lines.Count / 2);
        while (chunk >= 1 && attempts < maxAttempts)
        {
            var removedAny = false;
            for (var start = 0; start < lines.Count && attempts < maxAttempts; )
            {
                var candidate = lines.Take(start).Concat(lines.Skip(start + chunk)).ToList();
                attempts++;
                if (candidate.Count > 0 && await stillFails(string.Join('\n', candidate)).ConfigureAwait(false))
                {
                    lines = candidate;
                    removedAny = true;
                }
                else
                {
                    start += chunk;
                }
            }
            if (!removedAny)
                chunk /= 2;
        }
        return string.Join('\n', lines);
    }
}
