using ArticleQa.Answering.Learning;
using ArticleQa.Evaluation;
using ArticleQa.Ranking;
using ArticleQa.Retrieval;
using ArticleQa.Tests.Articles;
using ArticleQa.Tests.Fakes;
using ArticleQa.Training;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArticleQa.Tests.Ranking;

/// <summary>
/// Fits the passage ranker on a tiny slice of the in-repo SQuAD subset (four articles, fake embeddings) through the
/// real feature path, and checks the shipped ranker is what the engine's retriever runs.
/// </summary>
public sealed class PassageRankerTests
{
    private static readonly string[] SliceArticles = ["geology.md", "construction.md", "normans.md", "packet-switching.md"];

    [Fact]
    public async Task Fit_TinySlice_RoundTripsThroughItsFileAndBeatsFusionOnHeldOutQuestions()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        using var services = await SliceEngineAsync(folder, cancellationToken);
        var index = await services.GetRequiredService<ArticleLibrary>().GetIndexAsync(cancellationToken);
        var questions = (await SliceQuestionsAsync(cancellationToken)).Select(q => q.Question).ToList();
        var sentences = services.GetRequiredService<SentenceMatches>();
        var groups = new List<(EvalQuestion Question, IReadOnlyList<RetrievedPassage> Found, float[][] Rows, bool[] Labels)>();
        foreach (var q in questions)
        {
            var found = index.Search(q.Question, FakeEmbeddingGenerator.Vector(q.Question), new SearchRequest(PassageRanker.DefaultCandidates));
            var matcher = new EvidenceMatcher(q);
            var matches = await sentences.OfAsync(q.Question, found, cancellationToken);
            groups.Add((q, found, PassageFeatures.Extract(q.Question, found, index.InverseDocumentFrequencies, matches), found.Select(f => matcher.IsHit(f.Passage.Text)).ToArray()));
        }

        var train = groups.Where((_, i) => i % 2 == 0).ToList();
        var heldOut = groups.Where((_, i) => i % 2 == 1).ToList();
        var fitter = new PassageRankerFitter(trees: 60, leaves: 8);

        var model = fitter.Fit(train.Select(g => (g.Rows, g.Labels)));
        var zip = ModelFiles.ZipPath(folder.Path, ModelFiles.PassageRanker);
        new ModelFitter().Save(model, PassageFeatures.Names.Length, zip);
        ModelFiles.WriteCard(zip, new ModelCard(ModelFiles.PassageRanker, "test", fitter.Settings, PassageFeatures.Names, ["slice"], ["slice"], new Dictionary<string, string>(), new Dictionary<string, double>()));
        var loaded = PassageRanker.Load(zip);

        var rows = heldOut.SelectMany(g => g.Rows).ToList();
        Assert.Equal(fitter.Score(model, rows), loaded.Score(rows));
        var fused = Mrr(heldOut.Select(g => (g.Question, g.Found)));
        var reranked = new List<(EvalQuestion, IReadOnlyList<RetrievedPassage>)>();
        foreach (var g in heldOut)
        {
            reranked.Add((g.Question, await loaded.RerankAsync(g.Question.Question, g.Found, index, sentences, cancellationToken)));
        }

        var rerankedMrr = Mrr(reranked);
        Assert.True(rerankedMrr > fused + 0.02, $"held-out MRR@10 reranked {rerankedMrr:0.000} vs fused {fused:0.000}");
    }

    [Fact]
    public async Task Run_TinySlice_FitsTheFusionWeightOnTrainAndKeepsTheRankerOnlyWhenItBeatsFusionOnDev()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        using var services = await SliceEngineAsync(folder, cancellationToken);
        var index = await services.GetRequiredService<ArticleLibrary>().GetIndexAsync(cancellationToken);
        var questions = (await SliceQuestionsAsync(cancellationToken)).Select(q => new TrainingQuestion(q.Title, q.Question, FakeEmbeddingGenerator.Vector(q.Question.Question))).ToList();
        var split = new SquadSplit(1, ["construction", "geology"], ["normans", "packet-switching"]);
        var data = new SquadTrainingData([], new HashSet<string>(), new Dictionary<string, string> { ["slice.json"] = "0" });
        var output = Path.Combine(folder.Path, "models");

        var result = await RetrievalTraining.RunAsync(index, questions, split, data, output, services.GetRequiredService<SentenceMatches>(), new Progress<string>(), new PassageRankerFitter(trees: 60, leaves: 8), cancellationToken);

        Assert.Contains(result.DenseWeight, RetrievalTraining.Grid);
        var kept = result.Figures["reranker dev MRR@10"] > result.Figures["fusion dev MRR@10"] && result.Figures["reranker dev recall@5"] >= result.Figures["fusion dev recall@5"];
        Assert.Equal(kept ? 1 : 0, result.Figures["kept (beats fusion on dev)"]);
        Assert.Equal(kept, File.Exists(ModelFiles.ZipPath(output, ModelFiles.PassageRanker)));
        Assert.True(kept, $"on this slice the ranker beats fusion on its dev half: {result.Figures["reranker dev MRR@10"]} vs {result.Figures["fusion dev MRR@10"]}");
        var card = PassageRanker.Load(result.RankerPath!).Card;
        Assert.Equal(split.Train, card.TrainedOn);
        Assert.Equal(split.Dev, card.ChosenOn);
        Assert.Equal(result.DenseWeight.ToString(System.Globalization.CultureInfo.InvariantCulture), card.Settings["fusionDenseWeight"]);
    }

    [Fact]
    public async Task Run_ReservedArticle_IsRefusedByName()
    {
        var question = new TrainingQuestion("Steam_engine", new EvalQuestion("q", "What is a steam engine?", ["a heat engine"], "A steam engine is a heat engine.", Answerable: true), new float[FakeEmbeddingGenerator.Dimensions]);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => RetrievalTraining.RunAsync(null!, [question], new SquadSplit(1, ["Steam_engine"], []), null!, "unused", null!, new Progress<string>(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("Steam_engine", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_DefaultEngine_ReranksTheFusedTopWithTheShippedRanker()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        const string query = "What did Putin say about the peace plan?";
        await using var engine = TestEngine.Create(configure: s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new FakeEmbeddingGenerator()));
        await using var plain = TestEngine.Create(
            new Dictionary<string, string?> { ["Retrieval:Rerank"] = "false" },
            s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new FakeEmbeddingGenerator()));
        var shipped = PassageRanker.Load(ModelFiles.ZipPath(LocalModels.DefaultFolder, ModelFiles.PassageRanker));

        var hits = await engine.GetRequiredService<PassageRetriever>().SearchAsync(query, 5, cancellationToken: cancellationToken);
        var fused = await plain.GetRequiredService<PassageRetriever>().SearchAsync(query, shipped.Candidates, cancellationToken: cancellationToken);
        var index = await plain.GetRequiredService<ArticleLibrary>().GetIndexAsync(cancellationToken);

        Assert.IsType<PassageRankerStore>(engine.GetRequiredService<IPassageReranker>());
        var reranked = await shipped.RerankAsync(query, fused, index, engine.GetRequiredService<SentenceMatches>(), cancellationToken);
        Assert.Equal(reranked.Take(5).Select(p => p.Passage.Id), hits.Select(p => p.Passage.Id));
        Assert.Equal(fused.Take(5).Select(p => p.Score), hits.Select(p => p.Score));
        // The query is one whose order the ranker changes, so plain fusion would fail the check above.
        Assert.NotEqual(fused.Take(5).Select(p => p.Passage.Id), hits.Select(p => p.Passage.Id));
    }

    [Fact]
    public void Load_ShippedRanker_CardNamesItsDataAndDevFigures()
    {
        var ranker = PassageRanker.Load(ModelFiles.ZipPath(LocalModels.DefaultFolder, ModelFiles.PassageRanker));

        Assert.Equal(PassageFeatures.Names, ranker.Card.Features);
        Assert.Empty(ranker.Card.TrainedOn.Concat(ranker.Card.ChosenOn).Intersect(SquadSplit.Reserved));
        Assert.Empty(ranker.Card.TrainedOn.Intersect(ranker.Card.ChosenOn));
        Assert.Equal(2, ranker.Card.DataFiles.Count);
        Assert.True(ranker.Card.DevFigures["reranker dev MRR@10"] > ranker.Card.DevFigures["fusion dev MRR@10"]);
        Assert.Equal(new RetrievalOptions().DenseWeight, double.Parse(ranker.Card.Settings["fusionDenseWeight"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Start_MissingRankerFile_FailsNamingTheFile()
    {
        using var folder = ModelsWithout("passage-ranker.zip");

        var e = Assert.Throws<OptionsValidationException>(() => TestEngine.Create(new Dictionary<string, string?> { ["Answering:ModelsPath"] = folder.Path }));

        Assert.Contains(Path.Combine(folder.Path, "passage-ranker.zip"), e.Message, StringComparison.Ordinal);
        Assert.Contains("Retrieval:Rerank", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_CorruptRankerFile_FailsNamingTheFile()
    {
        using var folder = ModelsWithout("passage-ranker.zip");
        File.Copy(Path.Combine(LocalModels.DefaultFolder, "abstention.zip"), Path.Combine(folder.Path, "passage-ranker.zip"));

        var e = Assert.Throws<OptionsValidationException>(() => TestEngine.Create(new Dictionary<string, string?> { ["Answering:ModelsPath"] = folder.Path }));

        Assert.Contains(Path.Combine(folder.Path, "passage-ranker.zip"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_RerankOff_NeedsNoRankerFile()
    {
        using var folder = ModelsWithout("passage-ranker.zip");

        using var engine = TestEngine.Create(new Dictionary<string, string?> { ["Answering:ModelsPath"] = folder.Path, ["Retrieval:Rerank"] = "false" });

        Assert.NotNull(engine.GetRequiredService<PassageRetriever>());
    }

    private static TempFolder ModelsWithout(string name)
    {
        var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(LocalModels.DefaultFolder).Where(f => Path.GetFileName(f) != name))
        {
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        }

        return folder;
    }

    private static double Mrr(IEnumerable<(EvalQuestion Question, IReadOnlyList<RetrievedPassage> Found)> results) =>
        RetrievalEvaluator.Summarize(results.Select(r => new QuestionRetrievalResult(r.Question.Id, r.Question.Question, RetrievalEvaluator.FirstHitRank(r.Question, r.Found))).ToList()).MrrAt10;

    private static async Task<ServiceProvider> SliceEngineAsync(TempFolder folder, CancellationToken cancellationToken)
    {
        var source = RepositoryPaths.Combine("tests", "eval", "squad", "articles");
        foreach (var name in SliceArticles)
        {
            File.Copy(Path.Combine(source, name), folder.File(Path.Combine("articles", name)));
        }

        var services = TestEngine.Create(
            new Dictionary<string, string?> { ["Articles:Path"] = Path.Combine(folder.Path, "articles"), ["Index:Path"] = Path.Combine(folder.Path, "index"), ["Retrieval:Rerank"] = "false" },
            s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new FakeEmbeddingGenerator()));
        await services.GetRequiredService<ArticleLibrary>().GetIndexAsync(cancellationToken);
        return services;
    }

    /// <summary>The slice's answerable questions with the article (file name without .md) holding their evidence.</summary>
    private static async Task<List<(string Title, EvalQuestion Question)>> SliceQuestionsAsync(CancellationToken cancellationToken)
    {
        var source = RepositoryPaths.Combine("tests", "eval", "squad");
        var texts = new List<(string Title, string Text)>();
        foreach (var name in SliceArticles)
        {
            texts.Add((Path.GetFileNameWithoutExtension(name), EvidenceMatcher.NormalizeWhitespace(await File.ReadAllTextAsync(Path.Combine(source, "articles", name), cancellationToken))));
        }

        return (await QuestionFile.ReadAsync(Path.Combine(source, "questions.jsonl"), cancellationToken)).Questions
            .Where(q => q.Answerable)
            .Select(q => (texts.Find(t => t.Text.Contains(EvidenceMatcher.NormalizeWhitespace(q.Evidence), StringComparison.Ordinal)).Title, Question: q))
            .Where(q => q.Title is not null)
            .ToList();
    }
}
