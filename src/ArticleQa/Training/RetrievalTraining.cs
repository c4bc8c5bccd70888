using System.Globalization;
using ArticleQa.Answering.Learning;
using ArticleQa.Evaluation;
using ArticleQa.Ranking;
using ArticleQa.Retrieval;

namespace ArticleQa.Training;

/// <summary>
/// The retrieval half of training, over the index of all training-data articles: fits the fusion weight on the train
/// split (grid over the dense weight, lexical = 1 - dense, best MRR@10), then fits the LambdaRank passage ranker on
/// the train split's fused top candidates and keeps it only when it beats fusion on the dev split (MRR@10 higher,
/// recall@5 not lower). Answerable questions only: a hit is a passage holding the question's evidence
/// (<see cref="EvidenceMatcher"/>, as <c>eval</c> scores retrieval).
/// </summary>
internal static class RetrievalTraining
{
    /// <summary>Dense weights tried on the train split.</summary>
    public static readonly IReadOnlyList<double> Grid = Enumerable.Range(0, 21).Select(i => i / 20.0).ToList();

    /// <summary>
    /// Fits and writes the ranker. <paramref name="sentences"/> gives the sentence features, from the same MiniLM the
    /// questions' vectors come from.
    /// </summary>
    public static async Task<RetrievalTrainingResult> RunAsync(PassageIndex index, IReadOnlyList<TrainingQuestion> questions, SquadSplit split, SquadTrainingData data, string outputFolder, SentenceMatches sentences, IProgress<string> progress, PassageRankerFitter? fitter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        SquadSplit.RefuseReserved(questions.Select(q => q.Title).Distinct(StringComparer.Ordinal));
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(progress);
        fitter ??= new PassageRankerFitter();
        var answerable = questions.Where(q => q.Question.Answerable).ToList();
        var train = answerable.Where(q => split.Train.Contains(q.Title, StringComparer.Ordinal)).ToList();
        var dev = answerable.Where(q => split.Dev.Contains(q.Title, StringComparer.Ordinal)).ToList();

        progress.Report($"Fitting the fusion weight on {train.Count} train questions (dense weight {Grid[0]:0.00}..{Grid[^1]:0.00}, lexical = 1 - dense)");
        var fitted = Grid.Select(w => (Weight: w, Train: Evaluate(index, train, w)))
            .OrderByDescending(x => x.Train.MrrAt10).ThenByDescending(x => x.Train.RecallAt5).ThenBy(x => x.Weight)
            .First();
        var fusionDev = Evaluate(index, dev, fitted.Weight);
        progress.Report(string.Create(CultureInfo.InvariantCulture, $"Fusion: dense weight {fitted.Weight:0.00} fitted on train (train recall@5 {fitted.Train.RecallAt5:0.000}, MRR@10 {fitted.Train.MrrAt10:0.000}); dev recall@5 {fusionDev.RecallAt5:0.000}, MRR@10 {fusionDev.MrrAt10:0.000}"));
        if (Math.Abs(fitted.Weight - RetrievalOptions.DefaultDenseWeight) > 1e-9)
        {
            progress.Report(string.Create(CultureInfo.InvariantCulture, $"Note: the code's default dense weight is {RetrievalOptions.DefaultDenseWeight:0.00}; set RetrievalOptions.DefaultDenseWeight (or Retrieval:DenseWeight/LexicalWeight) to {fitted.Weight:0.00}/{1 - fitted.Weight:0.00}, which the ranker was trained under"));
        }

        progress.Report($"Fitting the passage ranker on the fused top {fitter.Candidates} of {train.Count} train questions");
        var trainGroups = await GroupsAsync(index, train, fitted.Weight, fitter.Candidates, sentences, cancellationToken).ConfigureAwait(false);
        var model = fitter.Fit(trainGroups);
        var devGroups = await GroupsAsync(index, dev, fitted.Weight, fitter.Candidates, sentences, cancellationToken).ConfigureAwait(false);
        var scores = fitter.Score(model, devGroups.SelectMany(g => g.Rows));
        var reranked = new List<QuestionRetrievalResult>();
        var fused = new List<QuestionRetrievalResult>();
        var at = 0;
        for (var q = 0; q < dev.Count; q++)
        {
            var labels = devGroups[q].Labels;
            fused.Add(new QuestionRetrievalResult(dev[q].Question.Id, dev[q].Question.Question, FirstHit(labels)));
            reranked.Add(new QuestionRetrievalResult(dev[q].Question.Id, dev[q].Question.Question, FirstHit(PassageRanker.Order(labels, scores[at..(at + labels.Length)]))));
            at += labels.Length;
        }

        var fusedDev = RetrievalEvaluator.Summarize(fused);
        var rerankedDev = RetrievalEvaluator.Summarize(reranked);
        var kept = rerankedDev.MrrAt10 > fusedDev.MrrAt10 && rerankedDev.RecallAt5 >= fusedDev.RecallAt5;
        progress.Report(string.Create(CultureInfo.InvariantCulture, $"Passage ranker on dev: recall@5 {rerankedDev.RecallAt5:0.000}, MRR@10 {rerankedDev.MrrAt10:0.000} against fusion {fusedDev.RecallAt5:0.000} / {fusedDev.MrrAt10:0.000}: {(kept ? "kept" : "not kept (it does not beat fusion)")}"));

        var figures = new Dictionary<string, double>
        {
            ["devQuestions"] = dev.Count,
            ["fusion dense weight (fitted on train)"] = fitted.Weight,
            ["fusion train recall@5"] = Round(fitted.Train.RecallAt5),
            ["fusion train MRR@10"] = Round(fitted.Train.MrrAt10),
            ["fusion dev recall@5"] = Round(fusionDev.RecallAt5),
            ["fusion dev MRR@10"] = Round(fusionDev.MrrAt10),
            [$"fusion dev recall@{fitter.Candidates} (the ranker's ceiling)"] = Round(devGroups.Average(g => g.Labels.Contains(true) ? 1.0 : 0)),
            ["fusion dev recall@10"] = Round(fused.Average(r => r.Rank is null ? 0.0 : 1)),
            ["reranker dev recall@1"] = Round(rerankedDev.RecallAt1),
            ["reranker dev recall@5"] = Round(rerankedDev.RecallAt5),
            ["reranker dev MRR@10"] = Round(rerankedDev.MrrAt10),
            ["fusion dev recall@1"] = Round(fusedDev.RecallAt1),
            ["kept (beats fusion on dev)"] = kept ? 1 : 0,
        };
        string? zip = null;
        if (kept)
        {
            Directory.CreateDirectory(outputFolder);
            zip = ModelFiles.ZipPath(outputFolder, ModelFiles.PassageRanker);
            new ModelFitter().Save(model, PassageFeatures.Names.Length, zip);
            var settings = new Dictionary<string, string>(fitter.Settings)
            {
                ["fusionDenseWeight"] = fitted.Weight.ToString(CultureInfo.InvariantCulture),
                ["fusionLexicalWeight"] = (1 - fitted.Weight).ToString(CultureInfo.InvariantCulture),
                ["fusionGrid"] = "dense weight 0..1 in steps of 0.05, best MRR@10 on the train split",
            };
            ModelFiles.WriteCard(zip, new ModelCard(ModelFiles.PassageRanker, "ML.NET 5.0.1 FastTreeRankingTrainer (LambdaRank)", settings, PassageFeatures.Names, split.Train, split.Dev, data.FileHashes, figures));
            progress.Report($"Wrote {zip}");
        }

        return new RetrievalTrainingResult(fitted.Weight, zip, figures);
    }

    private static RetrievalEvaluation Evaluate(PassageIndex index, IReadOnlyList<TrainingQuestion> questions, double denseWeight)
    {
        var request = new SearchRequest(RetrievalEvaluator.Depth, denseWeight, 1 - denseWeight);
        return RetrievalEvaluator.Summarize(questions
            .Select(q => new QuestionRetrievalResult(q.Question.Id, q.Question.Question, RetrievalEvaluator.FirstHitRank(q.Question, index.Search(q.Question.Question, q.Vector.Span, request))))
            .ToList());
    }

    private static async Task<List<(float[][] Rows, bool[] Labels)>> GroupsAsync(PassageIndex index, IReadOnlyList<TrainingQuestion> questions, double denseWeight, int candidates, SentenceMatches sentences, CancellationToken cancellationToken)
    {
        var request = new SearchRequest(candidates, denseWeight, 1 - denseWeight);
        var groups = new List<(float[][] Rows, bool[] Labels)>(questions.Count);
        foreach (var q in questions)
        {
            var found = index.Search(q.Question.Question, q.Vector.Span, request);
            var matcher = new EvidenceMatcher(q.Question);
            var matches = await sentences.OfAsync(q.Question.Question, found, cancellationToken).ConfigureAwait(false);
            groups.Add((PassageFeatures.Extract(q.Question.Question, found, index.InverseDocumentFrequencies, matches), found.Select(f => matcher.IsHit(f.Passage.Text)).ToArray()));
        }

        return groups;
    }

    /// <summary>1-based rank of the first relevant candidate within the top <see cref="RetrievalEvaluator.Depth"/>, or null.</summary>
    private static int? FirstHit(IReadOnlyList<bool> labels)
    {
        for (var i = 0; i < Math.Min(labels.Count, RetrievalEvaluator.Depth); i++)
        {
            if (labels[i])
            {
                return i + 1;
            }
        }

        return null;
    }

    private static double Round(double value) => Math.Round(value, 4);
}
