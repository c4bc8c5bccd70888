using ArticleQa.Answering.Learning;
using ArticleQa.Evaluation;
using ArticleQa.Retrieval;
using ArticleQa.Tests.Articles;
using ArticleQa.Tests.Fakes;
using ArticleQa.Training;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Training;

/// <summary>
/// Trains on a tiny slice of the in-repo SQuAD subset (two articles; questions on other articles act as unanswerable)
/// through the real extraction path, with the deterministic fake embeddings so it runs in seconds.
/// </summary>
public sealed class ModelFitterTests
{
    private static readonly string[] SliceArticles = ["geology.md", "construction.md"];

    [Fact]
    public async Task FitScorer_TinySlice_RoundTripsThroughItsFileAndBeatsTheUntrainedBaseline()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var examples = await ExamplesAsync(folder, cancellationToken);
        var fitter = new ModelFitter(trees: 40, leaves: 8);

        var scorer = fitter.FitScorer(examples);
        var zip = ModelFiles.ZipPath(folder.Path, ModelFiles.SentenceScorer);
        fitter.Save(scorer, SentenceFeatures.Names.Length, zip);
        ModelFiles.WriteCard(zip, new ModelCard("answer-sentence", "test", fitter.Settings, SentenceFeatures.Names, ["slice"], ["slice"], new Dictionary<string, string>(), new Dictionary<string, double>()));
        var loaded = LearnedModel.Load(zip, SentenceFeatures.Names);

        var inMemory = fitter.ScoreSentences(scorer, examples);
        var fromFile = examples.Select(e => loaded.Predict(e.Sentences)).ToArray();
        for (var i = 0; i < examples.Count; i++)
        {
            Assert.Equal(inMemory[i], fromFile[i]);
        }

        // Untrained: the first sentence of the best-ranked passage.
        var baseline = DevFigures.TopOneAccuracy(examples, examples.Select(e => e.Sentences.Length > 0 ? 0 : -1).ToList());
        var trained = DevFigures.TopOneAccuracy(examples, fromFile.Select(ModelFitter.Best).ToList());
        Assert.True(trained > baseline + 0.1, $"trained top-1 {trained:0.000} vs untrained {baseline:0.000}");
    }

    [Fact]
    public async Task FitAbstention_TinySlice_AbstainsMoreOnUnanswerableThanOnAnswerable()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var examples = await ExamplesAsync(folder, cancellationToken);
        var fitter = new ModelFitter(trees: 40, leaves: 8);

        var scorer = fitter.FitScorer(examples);
        var abstention = fitter.FitAbstention(examples);
        var probabilities = fitter.ScoreSentences(scorer, examples);
        var confidence = fitter.Predict(abstention, examples.Select((e, i) => ModelFitter.QuestionRow(e, probabilities[i]).Features), QuestionFeatures.Names.Length);

        var answerable = confidence.Where((_, i) => examples[i].Answerable).Average();
        var unanswerable = confidence.Where((_, i) => !examples[i].Answerable).Average();
        Assert.True(answerable > unanswerable, $"mean confidence answerable {answerable:0.000}, unanswerable {unanswerable:0.000}");
    }

    [Fact]
    public async Task FitAbstentions_TinySlice_TheGeneralModelAsAloneAndATopicModelFromItsRowsOnly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var examples = await ExamplesAsync(folder, cancellationToken);
        var fitter = new ModelFitter(trees: 40, leaves: 8);
        var probabilities = fitter.ScoreSentences(fitter.FitScorer(examples), examples);
        float[] Confidence(Microsoft.ML.ITransformer model) =>
            fitter.Predict(model, examples.Select((e, i) => ModelFitter.QuestionRow(e, probabilities[i]).Features), QuestionFeatures.Names.Length);

        // Every other example stands for a broad question about a name.
        var half = examples.Where((_, i) => i % 2 == 0).ToHashSet();
        var (all, topic) = fitter.FitAbstentions(examples, half.Contains);
        var (allAgain, everything) = fitter.FitAbstentions(examples, _ => true);

        Assert.Equal(Confidence(fitter.FitAbstention(examples)), Confidence(all));
        Assert.Equal(Confidence(all), Confidence(everything));
        Assert.Equal(Confidence(all), Confidence(allAgain));
        Assert.NotEqual(Confidence(all), Confidence(topic));
    }

    [Fact]
    public async Task ExtractWithoutEvidence_AnswerableQuestions_OnTopicSourcesWithNoSentenceHoldingTheAnswer()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var (questions, extractor, services) = await SliceAsync(folder, cancellationToken);
        using var _ = services;
        var made = 0;
        foreach (var question in questions.Where(q => q.Answerable).Take(20))
        {
            var encoded = (await extractor.EncodeQuestionsAsync([question.Question], cancellationToken))[0];
            var found = await extractor.SearchAsync(question, encoded, null, cancellationToken);
            var asked = await extractor.ExtractAsync("slice", question, encoded, found, cancellationToken);
            var removed = await extractor.ExtractWithoutEvidenceAsync("slice", question, encoded, found, cancellationToken);
            if (!asked.Reachable)
            {
                Assert.Null(removed); // nothing to take out
                continue;
            }

            if (removed is null)
            {
                continue; // the answer is also elsewhere in the sources
            }

            made++;
            Assert.False(removed.Answerable);
            Assert.True(removed.EvidenceRemoved);
            Assert.False(removed.Reachable);
            Assert.Equal(question.Id + TrainingExample.EvidenceRemovedSuffix, removed.Id);
            Assert.InRange(removed.Sentences.Length, 1, asked.Sentences.Length - asked.Labels.Count(l => l));
            Assert.All(removed.Sentences, row => Assert.Equal(SentenceFeatures.Names.Length, row.Length));
        }

        Assert.True(made >= 10, $"{made} of 20 questions made unanswerable");
    }

    private static async Task<List<TrainingExample>> ExamplesAsync(TempFolder folder, CancellationToken cancellationToken)
    {
        var (questions, extractor, services) = await SliceAsync(folder, cancellationToken);
        using var _ = services;
        var examples = new List<TrainingExample>();
        foreach (var (question, i) in questions.Select((q, i) => (q, i)))
        {
            var encoded = (await extractor.EncodeQuestionsAsync([question.Question], cancellationToken))[0];
            // Three "articles" for the abstention model's folds.
            examples.Add(await extractor.ExtractAsync(i % 3 == 0 ? "slice-a" : i % 3 == 1 ? "slice-b" : "slice-c", question, encoded, cancellationToken));
        }

        return examples;
    }

    private static async Task<(List<EvalQuestion> Questions, TrainingExamples Extractor, ServiceProvider Services)> SliceAsync(TempFolder folder, CancellationToken cancellationToken)
    {
        var source = RepositoryPaths.Combine("tests", "eval", "squad");
        var texts = new List<string>();
        foreach (var name in SliceArticles)
        {
            File.Copy(Path.Combine(source, "articles", name), folder.File(Path.Combine("articles", name)));
            texts.Add(EvidenceMatcher.NormalizeWhitespace(await File.ReadAllTextAsync(Path.Combine(source, "articles", name), cancellationToken)));
        }

        var all = (await QuestionFile.ReadAsync(Path.Combine(source, "questions.jsonl"), cancellationToken)).Questions;
        bool InSlice(EvalQuestion q) => texts.Exists(t => t.Contains(EvidenceMatcher.NormalizeWhitespace(q.Evidence), StringComparison.Ordinal));
        var questions = all.Where(InSlice).Take(150)
            .Concat(all.Where(q => !InSlice(q)).Take(60).Select(q => q with { Answerable = false, Answers = [], Evidence = "" }))
            .ToList();

        var services = TestEngine.Create(
            new Dictionary<string, string?> { ["Articles:Path"] = Path.Combine(folder.Path, "articles"), ["Index:Path"] = Path.Combine(folder.Path, "index") },
            s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new FakeEmbeddingGenerator()));
        var library = services.GetRequiredService<ArticleLibrary>();
        var index = await library.GetIndexAsync(cancellationToken);
        var embeddings = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var extractor = new TrainingExamples(services.GetRequiredService<PassageRetriever>(), embeddings, topK: 5);
        await extractor.EmbedSentencesAsync(index, null, cancellationToken);
        return (questions, extractor, services);
    }
}
