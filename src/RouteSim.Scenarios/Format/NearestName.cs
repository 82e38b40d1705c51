namespace RouteSim.Scenarios.Format;

/// <summary>"Did you mean": the known name nearest a mistyped one, by Levenshtein edit distance.</summary>
public static class NearestName
{
    /// <summary>
    /// The candidate nearest <paramref name="typed"/>, when it is near enough to be a typo (at most two edits, or a
    /// third of the typed length); null otherwise.
    /// </summary>
    public static string? Find(string typed, IEnumerable<string> candidates)
    {
        var best = candidates.MinBy(c => EditDistance(c, typed));
        return best is not null && EditDistance(best, typed) <= Math.Max(2, typed.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein distance: the fewest single-character insertions, deletions and substitutions turning a into b.</summary>
    public static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
