using ArticleQa.Answering.Learning;
using ArticleQa.Tests.Articles;
using Microsoft.Extensions.Options;

namespace ArticleQa.Tests.Answering.Learning;

public sealed class LocalModelsTests
{
    [Fact]
    public void Load_ShippedModels_CardsMatchTheFeaturesAndNameTheirData()
    {
        var models = LocalModels.Load(LocalModels.DefaultFolder);
        Assert.Equal(SentenceFeatures.Names, models.Scorer.Card.Features);
        Assert.Equal(QuestionFeatures.Names, models.Abstention.Card.Features);
        Assert.InRange(models.OperatingPoint, 0.01, 0.99);
        Assert.Equal(QuestionFeatures.Names, models.TopicAbstention.Card.Features);
        Assert.InRange(models.TopicOperatingPoint, 0.01, 0.99);
        Assert.Empty(models.Scorer.Card.TrainedOn.Concat(models.Scorer.Card.ChosenOn).Intersect(ArticleQa.Training.SquadSplit.Reserved));
        Assert.Equal(2, models.Scorer.Card.DataFiles.Count);
    }

    [Theory]
    [InlineData("What do the articles say about Geneva?", true)]
    [InlineData("Who is Steve Witkoff?", true)]
    [InlineData("Where were the talks held?", false)]
    [InlineData("Who is the author?", false)]
    public void AbstentionFor_Question_TheTopicModelForBroadQuestionsAboutANameOnly(string question, bool topic)
    {
        var models = LocalModels.Load(LocalModels.DefaultFolder);

        var (model, operatingPoint) = models.AbstentionFor(question);

        Assert.Same(topic ? models.TopicAbstention : models.Abstention, model);
        Assert.Equal(topic ? models.TopicOperatingPoint : models.OperatingPoint, operatingPoint);
    }

    [Fact]
    public void Load_MissingModelFile_NamesTheFile()
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<InvalidDataException>(() => LocalModels.Load(folder.Path));
        Assert.Contains(Path.Combine(folder.Path, "answer-sentence.zip"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_CorruptModelFile_FailsNamingTheFile()
    {
        using var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(LocalModels.DefaultFolder))
        {
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        }

        var corrupt = folder.Write("abstention.zip", "not a zip file");
        var e = Assert.Throws<OptionsValidationException>(() => TestEngine.Create(new Dictionary<string, string?> { ["Answering:ModelsPath"] = folder.Path }));
        Assert.Contains(corrupt, e.Message, StringComparison.Ordinal);
        Assert.Contains("Answering:ModelsPath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CardWithOtherFeatures_NamesTheCard()
    {
        using var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(LocalModels.DefaultFolder))
        {
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        }

        var card = Path.Combine(folder.Path, "answer-sentence.card.json");
        File.WriteAllText(card, File.ReadAllText(card).Replace("\"idfCoverage\"", "\"somethingElse\"", StringComparison.Ordinal));
        var e = Assert.Throws<InvalidDataException>(() => LocalModels.Load(folder.Path));
        Assert.Contains(card, e.Message, StringComparison.Ordinal);
    }
}
