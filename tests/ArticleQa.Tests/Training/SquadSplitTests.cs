using ArticleQa.Training;

namespace ArticleQa.Tests.Training;

public sealed class SquadSplitTests
{
    private static readonly HashSet<string> Squad2Titles = ["Normans", "Huguenot", "1973_oil_crisis", "Packet_switching", "Harvard_University", "Islamism", "Warsaw", "Force"];

    [Fact]
    public void Default_IsWhatCreateMakesWithItsSeed()
    {
        var split = SquadSplit.Default;
        var made = SquadSplit.Create(split.Train.Concat(split.Dev), Squad2Titles, split.Seed, devShare: 0.3);
        Assert.Equal(made.Train, split.Train);
        Assert.Equal(made.Dev, split.Dev);
    }

    [Fact]
    public void Default_HasFortyArticlesApartWithSquad2OnBothSides()
    {
        var split = SquadSplit.Default;
        Assert.Equal(40, split.Train.Count + split.Dev.Count);
        Assert.Empty(split.Train.Intersect(split.Dev));
        Assert.Empty(split.Train.Concat(split.Dev).Intersect(SquadSplit.Reserved));
        Assert.Contains(split.Train, Squad2Titles.Contains);
        Assert.Contains(split.Dev, Squad2Titles.Contains);
    }

    [Fact]
    public void Create_ReservedTitle_IsRefusedByName()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SquadSplit.Create(["Normans", "Steam_engine"], Squad2Titles, 1, 0.3));
        Assert.Contains("Steam_engine", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FitScorer_ExampleFromReservedArticle_IsRefusedByName()
    {
        TrainingExample[] examples = [new("q1", "Yuan_dynasty", true, [[0f]], [true], [])];
        var e = Assert.Throws<InvalidOperationException>(() => new ModelFitter().FitScorer(examples));
        Assert.Contains("Yuan_dynasty", e.Message, StringComparison.Ordinal);
    }
}
