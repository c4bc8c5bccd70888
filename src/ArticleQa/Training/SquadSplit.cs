using System.Text.Json;

namespace ArticleQa.Training;

/// <summary>
/// The one split of the training data by article (<c>squad-split.json</c>, shipped in the assembly): the SQuAD v1.1 dev
/// articles without the eight reserved ones, into train and dev; the eight SQuAD 2.0 articles (also v1.1 dev articles)
/// are spread over both so that each has unanswerable questions. Made once by <see cref="Create"/> with the seed in
/// the file. No reserved title may be in it, and the trainer refuses one by name.
/// </summary>
public sealed record SquadSplit(int Seed, IReadOnlyList<string> Train, IReadOnlyList<string> Dev)
{
    /// <summary>Articles kept apart for testing the project from outside: never trained, tuned or calibrated on.</summary>
    public static readonly IReadOnlyList<string> Reserved =
    [
        "Computational_complexity_theory", "Steam_engine", "European_Union_law", "Yuan_dynasty", "Immune_system",
        "Scottish_Parliament", "Imperialism", "French_and_Indian_War",
    ];

    /// <summary>The split the shipped models were trained with.</summary>
    public static SquadSplit Default { get; } = Read();

    /// <summary>
    /// Shuffles each group of titles (sorted ordinally first) with <c>new Random(seed)</c> and puts the first
    /// <c>round(share x count)</c> of each group in dev, the rest in train.
    /// </summary>
    public static SquadSplit Create(IEnumerable<string> titles, IReadOnlySet<string> squad2Titles, int seed, double devShare)
    {
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentNullException.ThrowIfNull(squad2Titles);
        var random = new Random(seed);
        var train = new List<string>();
        var dev = new List<string>();
        var all = titles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        RefuseReserved(all);
        foreach (var group in new[] { all.Where(squad2Titles.Contains).ToArray(), all.Where(t => !squad2Titles.Contains(t)).ToArray() })
        {
            random.Shuffle(group);
            var devCount = (int)Math.Round(devShare * group.Length);
            dev.AddRange(group.Take(devCount));
            train.AddRange(group.Skip(devCount));
        }

        return new SquadSplit(seed, train.Order(StringComparer.Ordinal).ToList(), dev.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Throws naming the first reserved title among <paramref name="titles"/>.</summary>
    public static void RefuseReserved(IEnumerable<string> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        if (titles.FirstOrDefault(t => Reserved.Contains(t, StringComparer.OrdinalIgnoreCase)) is { } reserved)
        {
            throw new InvalidOperationException($"'{reserved}' is a reserved SQuAD article: it must never be trained, tuned or calibrated on.");
        }
    }

    private static SquadSplit Read()
    {
        using var stream = typeof(SquadSplit).Assembly.GetManifestResourceStream("ArticleQa.Training.squad-split.json")
            ?? throw new InvalidOperationException("The embedded squad-split.json is missing from the ArticleQa assembly.");
        var split = JsonSerializer.Deserialize<SquadSplit>(stream, ArticleQa.Answering.Learning.ModelFiles.Json)
            ?? throw new InvalidDataException("squad-split.json is empty.");
        RefuseReserved(split.Train.Concat(split.Dev));
        return split;
    }
}
