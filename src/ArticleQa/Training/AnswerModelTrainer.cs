using System.Text;
using ArticleQa.Answering.Learning;
using ArticleQa.Evaluation;
using ArticleQa.Ranking;
using ArticleQa.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace ArticleQa.Training;

/// <summary>
/// The one entry point that rebuilds the Local model's learned models from named inputs: reads the SQuAD files
/// without the reserved articles, splits them by article (<see cref="SquadSplit.Default"/>), indexes all training-data
/// articles and extracts each question's candidates under open retrieval (cached in the work folder), fits the
/// answer-sentence scorer and the two abstention models (all questions; broad questions about a name) on the train
/// split, chooses their operating points on the dev split,
/// and writes each model's <c>.zip</c> and card.
/// </summary>
public static class AnswerModelTrainer
{
    /// <summary>Part of the example cache's key: raise it when extraction changes what a feature's values mean.</summary>
    private const int ExtractionVersion = 5;

    /// <summary>Seed of the rewording (<see cref="ParaphrasedQuestions"/>); part of the example cache's key with its version.</summary>
    private const int ReworderSeed = 20261201;

    private const int ReworderVersion = 1;

    public static async Task<TrainingResult> TrainAsync(TrainingOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var data = await SquadTrainingData.ReadAsync(options.SquadPath, options.Squad2Path, cancellationToken).ConfigureAwait(false);
        using var synonyms = options.WordNetFolder is null ? null : WordNetSynonyms.Load(options.WordNetFolder);
        var split = SquadSplit.Default;
        var unknown = data.Articles.Select(a => a.Title).Except(split.Train.Concat(split.Dev), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"{options.SquadPath}: articles {string.Join(", ", unknown)} are in neither split of squad-split.json.");
        }

        progress.Report($"Read {data.Articles.Count} articles (reserved ones left out), {data.Articles.Sum(a => a.Questions.Count)} questions");
        var (v11, squad2) = await DevQuestionFiles.WriteAsync(data, split, options.WorkFolder, cancellationToken).ConfigureAwait(false);
        progress.Report($"Wrote the dev split's questions for eval: {Path.Combine(options.WorkFolder, DevQuestionFiles.V11)} ({v11}), {Path.Combine(options.WorkFolder, DevQuestionFiles.Squad2)} ({squad2})");
        var retrieval = await TrainRetrievalAsync(data, split, options, progress, cancellationToken).ConfigureAwait(false);
        var examples = await ExamplesAsync(data, options.WorkFolder, retrieval, synonyms, progress, cancellationToken).ConfigureAwait(false);
        var train = examples.Where(e => split.Train.Contains(e.Title, StringComparer.Ordinal)).ToList();
        var dev = examples.Where(e => split.Dev.Contains(e.Title, StringComparer.Ordinal)).ToList();
        return Fit(train, dev, data, split, options.OutputFolder, progress);
    }

    internal static TrainingResult Fit(IReadOnlyList<TrainingExample> train, List<TrainingExample> dev, SquadTrainingData data, SquadSplit split, string outputFolder, IProgress<string> progress)
    {
        var fitter = new ModelFitter();

        progress.Report($"Fitting the answer-sentence scorer on {train.Count} train questions ({train.Sum(e => e.Sentences.Length)} candidate sentences)");
        var scorer = fitter.FitScorer(train);
        progress.Report("Fitting the abstention models (all questions; broad questions about a name) on out-of-fold scorer output");
        var (abstention, topicAbstention) = fitter.FitAbstentions(train, e => e.Entity);
        // The targets are on open retrieval; the other kinds of dev question (see ExamplesAsync) are reported beside.
        var ownArticle = dev.Where(e => e.OwnArticle && !e.Entity).ToList();
        var entities = dev.Where(e => e.Entity).ToList();
        var removed = dev.Where(e => e.EvidenceRemoved).ToList();
        var reworded = dev.Where(e => e.Reworded).ToList();
        dev = [.. dev.Where(e => !e.OwnArticle && !e.Entity && !e.EvidenceRemoved && !e.Reworded)];
        (float[][] Probabilities, float[] Confidence) Score(IReadOnlyList<TrainingExample> set, ITransformer? model = null)
        {
            var p = fitter.ScoreSentences(scorer, set);
            return (p, fitter.Predict(model ?? abstention, set.Select((e, i) => ModelFitter.QuestionRow(e, p[i]).Features), QuestionFeatures.Names.Length));
        }

        var (probabilities, confidence) = Score(dev);
        var threshold = DevFigures.ChooseOperatingPoint(dev, probabilities, confidence);
        var figures = Figures(dev, data, probabilities, confidence, threshold);
        if (ownArticle.Count > 0)
        {
            var (ownProbabilities, ownConfidence) = Score(ownArticle);
            foreach (var (name, value) in Figures(ownArticle, data, ownProbabilities, ownConfidence, threshold).Where(f => f.Key.Contains("split", StringComparison.Ordinal) || f.Key.StartsWith("scorer", StringComparison.Ordinal)))
            {
                figures["own article: " + name] = value;
            }
        }

        // Broad questions about a name have an abstention model and an operating point of their own, chosen on the
        // dev split's entity questions; the figures of the general model on them are kept beside, for comparison.
        double? topicThreshold = null;
        if (entities.Count > 0)
        {
            var (generalProbabilities, generalConfidence) = Score(entities);
            var general = DevFigures.At(entities, generalProbabilities, generalConfidence, threshold);
            var (entityProbabilities, entityConfidence) = Score(entities, topicAbstention);
            topicThreshold = DevFigures.ChooseOperatingPoint(entities, entityProbabilities, entityConfidence);
            var (accuracy, abstained, _) = DevFigures.At(entities, entityProbabilities, entityConfidence, topicThreshold.Value);
            figures["topic operatingPoint"] = topicThreshold.Value;
            figures["entity questions dev split answerable answered"] = Math.Round(accuracy, 4);
            figures["entity questions dev split unanswerable abstained"] = Math.Round(abstained, 4);
            figures["entity questions dev split answerable answered (general abstention model)"] = Math.Round(general.Accuracy, 4);
            figures["entity questions dev split unanswerable abstained (general abstention model)"] = Math.Round(general.AbstentionRecall, 4);
        }

        if (removed.Count > 0)
        {
            var (removedProbabilities, removedConfidence) = Score(removed);
            figures["evidence removed dev split abstained"] = Math.Round(DevFigures.At(removed, removedProbabilities, removedConfidence, threshold).AbstentionRecall, 4);
        }

        if (reworded.Count > 0)
        {
            var (rewordedProbabilities, rewordedConfidence) = Score(reworded);
            figures["reworded (WordNet 3.0) dev split answer accuracy"] = Math.Round(DevFigures.At(reworded, rewordedProbabilities, rewordedConfidence, threshold).Accuracy, 4);
            figures["reworded (WordNet 3.0) dev split scorer top-1"] = Math.Round(DevFigures.TopOneAccuracy(reworded, rewordedProbabilities.Select(ModelFitter.Best).ToList()), 4);
        }

        var curve = Enumerable.Range(1, 19).Select(i => i / 20.0).Select(t => DevFigures.At(dev, probabilities, confidence, t)).Select((f, i) => ((i + 1) / 20.0, f.Accuracy, f.AbstentionRecall, f.AbstentionPrecision)).ToList();

        Directory.CreateDirectory(outputFolder);
        var scorerZip = ModelFiles.ZipPath(outputFolder, ModelFiles.SentenceScorer);
        var abstentionZip = ModelFiles.ZipPath(outputFolder, ModelFiles.Abstention);
        fitter.Save(scorer, SentenceFeatures.Names.Length, scorerZip);
        var topicZip = ModelFiles.ZipPath(outputFolder, ModelFiles.TopicAbstention);
        fitter.Save(abstention, QuestionFeatures.Names.Length, abstentionZip);
        fitter.Save(topicAbstention, QuestionFeatures.Names.Length, topicZip);
        ModelFiles.WriteCard(scorerZip, Card(ModelFiles.SentenceScorer, fitter, SentenceFeatures.Names, split, data, figures, null));
        ModelFiles.WriteCard(abstentionZip, Card(ModelFiles.Abstention, fitter, QuestionFeatures.Names, split, data, figures, threshold));
        ModelFiles.WriteCard(topicZip, Card(ModelFiles.TopicAbstention, fitter, QuestionFeatures.Names, split, data, figures, topicThreshold ?? threshold));
        progress.Report($"Wrote {scorerZip}, {abstentionZip} and {topicZip}");
        return new TrainingResult(figures, curve);
    }

    private static Dictionary<string, double> Figures(IReadOnlyList<TrainingExample> dev, SquadTrainingData data, float[][] probabilities, float[] confidence, double threshold)
    {
        var squad2 = Enumerable.Range(0, dev.Count).Where(i => data.Squad2Titles.Contains(dev[i].Title)).ToList();
        var v1 = Enumerable.Range(0, dev.Count).Where(i => dev[i].Answerable).ToList();
        (double Accuracy, double AbstentionRecall, double AbstentionPrecision) On(List<int> rows) =>
            DevFigures.At(rows.Select(i => dev[i]).ToList(), rows.Select(i => probabilities[i]).ToArray(), rows.Select(i => confidence[i]).ToArray(), threshold);
        var all = On(v1);
        var hard = On(squad2);
        return new Dictionary<string, double>
        {
            ["operatingPoint"] = threshold,
            ["devQuestionsAnswerable"] = v1.Count,
            ["devQuestionsUnanswerable"] = dev.Count - v1.Count,
            ["reachable (some top-5 sentence answers)"] = Math.Round(dev.Where(e => e.Answerable).Average(e => e.Reachable ? 1.0 : 0), 4),
            ["untrained baseline top-1 (best idfCoverage)"] = Math.Round(DevFigures.TopOneAccuracy(dev, dev.Select(e => ModelFitter.Best(e.Sentences.Select(r => r[0]).ToArray())).ToList()), 4),
            ["scorer top-1 (never abstaining)"] = Math.Round(DevFigures.TopOneAccuracy(dev, probabilities.Select(ModelFitter.Best).ToList()), 4),
            ["v1.1 dev split answer accuracy"] = Math.Round(all.Accuracy, 4),
            ["squad2 dev split answerable accuracy"] = Math.Round(hard.Accuracy, 4),
            ["squad2 dev split unanswerable abstained"] = Math.Round(hard.AbstentionRecall, 4),
            ["squad2 dev split abstention precision"] = Math.Round(hard.AbstentionPrecision, 4),
        };
    }

    private static ModelCard Card(string name, ModelFitter fitter, IReadOnlyList<string> features, SquadSplit split, SquadTrainingData data, Dictionary<string, double> figures, double? threshold) =>
        new(name, "ML.NET 5.0.1 FastTreeBinaryTrainer", fitter.Settings, features, split.Train, split.Dev, data.FileHashes, figures, threshold);

    /// <summary>
    /// Indexes the training articles, fits the fusion weight and the passage ranker (<see cref="RetrievalTraining"/>)
    /// and writes the ranker into the output folder when it is kept, before the sentence examples are extracted, so
    /// those come from the retrieval the bot will run.
    /// </summary>
    private static async Task<RetrievalTrainingResult> TrainRetrievalAsync(SquadTrainingData data, SquadSplit split, TrainingOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        using var services = Engine(data, options.WorkFolder, null);
        var library = services.GetRequiredService<ArticleLibrary>();
        await WriteArticlesAsync(data, library.Folder, cancellationToken).ConfigureAwait(false);
        progress.Report("Indexing the training articles");
        await library.SyncAsync(null, cancellationToken).ConfigureAwait(false);
        var index = await library.GetIndexAsync(cancellationToken).ConfigureAwait(false);
        var embeddings = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var questions = new List<TrainingQuestion>();
        foreach (var chunk in data.Articles.SelectMany(a => a.Questions.Where(q => q.Answerable).Select(q => (a.Title, Question: q))).Chunk(256))
        {
            var vectors = await embeddings.GenerateAsync(chunk.Select(q => q.Question.Question), cancellationToken: cancellationToken).ConfigureAwait(false);
            questions.AddRange(chunk.Select((q, i) => new TrainingQuestion(q.Title, q.Question, vectors[i].Vector)));
        }

        progress.Report($"Embedded {questions.Count} answerable questions for retrieval training");

        return await RetrievalTraining.RunAsync(index, questions, split, data, options.OutputFolder, services.GetRequiredService<SentenceMatches>(), progress, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<TrainingExample>> ExamplesAsync(SquadTrainingData data, string work, RetrievalTrainingResult retrieval, WordNetSynonyms? synonyms, IProgress<string> progress, CancellationToken cancellationToken)
    {
        // The examples depend on the retrieval they were extracted under: the fusion weight and the ranker's model (its zip's contents).
        var ranker = retrieval.RankerPath is null ? "fusion" : ModelContentHash(retrieval.RankerPath);
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join("|", data.FileHashes.Values) + "|" + string.Join(",", SentenceFeatures.Names) + "|" + string.Join(",", QuestionFeatures.Names.TakeLast(9)) + "|open+dev-own-article+entities" + EntityQuestions.PerArticle + "+dev-evidence-removed" + (synonyms is null ? "" : "+dev-reworded" + ReworderVersion + FilesHash(synonyms.Files)) + "|" + ExtractionVersion
            + "|" + retrieval.DenseWeight.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + ranker)))[..16];
        var cachePath = Path.Combine(work, $"examples-{key}.bin");
        if (TrainingExampleCache.TryRead(cachePath) is { } cached)
        {
            progress.Report($"Read {cached.Count} extracted examples from {cachePath}");
            return cached;
        }

        using var services = Engine(data, work, retrieval);
        var library = services.GetRequiredService<ArticleLibrary>();
        await library.SyncAsync(null, cancellationToken).ConfigureAwait(false);
        var index = await library.GetIndexAsync(cancellationToken).ConfigureAwait(false);
        var embeddings = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var extractor = new TrainingExamples(services.GetRequiredService<PassageRetriever>(), embeddings, services.GetRequiredService<IOptions<RetrievalOptions>>().Value.TopK);
        progress.Report($"Embedding the sentences of {index.PassageCount} passages");
        await extractor.EmbedSentencesAsync(index, null, cancellationToken).ConfigureAwait(false);
        var questions = data.Articles.SelectMany(a => a.Questions.Select(q => (a.Title, Question: q))).ToList();
        var articleIds = data.Articles.ToDictionary(
            a => a.Title,
            a => index.Articles.Values.Single(info => Path.GetFileNameWithoutExtension(info.FilePath) == SquadDataset.Slug(a.Title)).Id,
            StringComparer.Ordinal);
        var examples = new List<TrainingExample>(questions.Count);
        var rewordings = new List<(string Title, EvalQuestion Question)>();
        var extracted = 0;
        foreach (var chunk in questions.Chunk(256))
        {
            var encoded = await extractor.EncodeQuestionsAsync([.. chunk.Select(q => q.Question.Question)], cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                var (title, question) = chunk[i];
                var found = await extractor.SearchAsync(question, encoded[i], null, cancellationToken).ConfigureAwait(false);
                examples.Add(await extractor.ExtractAsync(title, question, encoded[i], found, cancellationToken).ConfigureAwait(false));
                if (!SquadSplit.Default.Dev.Contains(title, StringComparer.Ordinal))
                {
                    continue;
                }

                // Dev questions are also measured three other ways (figures only; training sees open retrieval, and
                // training on these kinds too measured worse on the dev split): over their own article alone, since
                // collections range from one article (the seed) to many; with the answer sentences taken out of the
                // sources, the near miss SQuAD 2.0 is made of; and reworded with WordNet synonyms, as readers word
                // what they ask.
                examples.Add(await extractor.ExtractAsync(title, question, encoded[i], cancellationToken, articleIds[title]).ConfigureAwait(false));
                if (await extractor.ExtractWithoutEvidenceAsync(title, question, encoded[i], found, cancellationToken).ConfigureAwait(false) is { } removed)
                {
                    examples.Add(removed);
                }

                if (synonyms is not null && question.Answerable && ParaphrasedQuestions.Create(question, synonyms, ReworderSeed) is { } reworded)
                {
                    rewordings.Add((title, reworded));
                }
            }

            extracted += chunk.Length;
            progress.Report($"Extracted features of {extracted}/{questions.Count} questions");
        }

        foreach (var chunk in rewordings.Chunk(256))
        {
            var encoded = await extractor.EncodeQuestionsAsync([.. chunk.Select(q => q.Question.Question)], cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                examples.Add(await extractor.ExtractAsync(chunk[i].Title, chunk[i].Question, encoded[i], cancellationToken).ConfigureAwait(false));
            }
        }

        if (rewordings.Count > 0)
        {
            progress.Report($"Extracted features of {rewordings.Count} reworded dev questions, as: {string.Join("; ", rewordings.Take(3).Select(r => $"\"{r.Question.Question}\""))}");
        }

        // Broad questions about names, made from each split's own articles (so no name crosses the split):
        // answerable ones under open retrieval, unanswerable ones over the article alone, which never names them.
        foreach (var side in new[] { SquadSplit.Default.Train, SquadSplit.Default.Dev })
        {
            var made = EntityQuestions.Create([.. data.Articles.Where(a => side.Contains(a.Title, StringComparer.Ordinal))]);
            foreach (var (title, (answerable, unanswerable)) in made)
            {
                var asked = answerable.Concat(unanswerable).ToList();
                var encoded = await extractor.EncodeQuestionsAsync([.. asked.Select(q => q.Question)], cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < asked.Count; i++)
                {
                    examples.Add(await extractor.ExtractAsync(title, asked[i], encoded[i], cancellationToken, asked[i].Answerable ? null : articleIds[title]).ConfigureAwait(false));
                }
            }

            progress.Report($"Extracted features of {made.Values.Sum(m => m.Answerable.Count + m.Unanswerable.Count)} entity questions");
        }

        TrainingExampleCache.Write(cachePath, examples);
        return examples;
    }

    /// <summary>SHA-256 over the files' contents, for the example cache's key.</summary>
    private static string FilesHash(IEnumerable<string> files)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 of a model zip's entries (names and contents), which stay the same when a run rewrites the same model with new timestamps.</summary>
    private static string ModelContentHash(string zipPath)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(zipPath);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(entry.FullName + "\n"));
            using var content = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(content);
            }

            hash.AppendData(content.ToArray());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The engine over the training articles: plain fusion at the code's weights, or the retrieval <paramref name="retrieval"/> chose.</summary>
    private static ServiceProvider Engine(SquadTrainingData data, string work, RetrievalTrainingResult? retrieval)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Articles:Path"] = Path.Combine(work, "articles"),
            ["Index:Path"] = Path.Combine(work, "index"),
            ["Retrieval:Rerank"] = (retrieval?.RankerPath is not null).ToString(),
        };
        if (retrieval is not null)
        {
            settings["Retrieval:DenseWeight"] = retrieval.DenseWeight.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Retrieval:LexicalWeight"] = (1 - retrieval.DenseWeight).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (retrieval?.RankerPath is { } ranker)
        {
            services.AddSingleton(sp => PassageRanker.Load(ranker).With(sp.GetRequiredService<SentenceMatches>()));
        }

        return services.AddLogging().AddArticleQa(configuration).BuildServiceProvider();
    }

    private static async Task WriteArticlesAsync(SquadTrainingData data, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        foreach (var article in data.Articles)
        {
            var text = new StringBuilder().Append("---\ntitle: \"").Append(article.Title.Replace('_', ' ').Replace("\"", "'", StringComparison.Ordinal)).Append("\"\n---\n\n");
            foreach (var paragraph in article.Paragraphs)
            {
                text.Append(paragraph.Trim()).Append("\n\n");
            }

            await File.WriteAllTextAsync(Path.Combine(folder, SquadDataset.Slug(article.Title) + ".md"), text.ToString(), cancellationToken).ConfigureAwait(false);
        }
    }
}
