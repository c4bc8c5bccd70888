using System.Globalization;
using ArticleQa.Answering.Learning;
using ArticleQa.Ranking;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace ArticleQa.Training;

/// <summary>
/// Fits the passage ranker with ML.NET's FastTree ranking trainer (LambdaRank, NDCG gains) on one thread with a fixed
/// seed, so a run is reproducible: one group per question, its fused candidates as rows, relevance 1 for a candidate
/// holding the question's evidence.
/// </summary>
internal sealed class PassageRankerFitter(int seed = 1, int trees = 300, int leaves = 16, int candidates = PassageRanker.DefaultCandidates)
{
    public int Candidates => candidates;

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ranker"] = "FastTreeRanking (LambdaRank on NDCG): reorders the fused top candidates of a question",
        ["candidates"] = candidates.ToString(CultureInfo.InvariantCulture),
        ["numberOfTrees"] = trees.ToString(CultureInfo.InvariantCulture),
        ["numberOfLeaves"] = leaves.ToString(CultureInfo.InvariantCulture),
        ["minimumExampleCountPerLeaf"] = "20",
        ["learningRate"] = "0.1",
        ["numberOfThreads"] = "1",
        ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The ranker, from groups of (feature rows, relevance labels); groups without a relevant candidate teach nothing and are left out.</summary>
    public ITransformer Fit(IEnumerable<(float[][] Rows, bool[] Labels)> groups)
    {
        var rows = new List<RankingRow>();
        uint group = 0;
        foreach (var (features, labels) in groups.Where(g => g.Labels.Any(l => l)))
        {
            group++;
            rows.AddRange(features.Select((f, i) => new RankingRow { Features = f, Label = labels[i] ? 1 : 0, GroupId = group }));
        }

        if (group == 0)
        {
            throw new InvalidOperationException("No question has a relevant candidate to learn from.");
        }

        var context = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(RankingRow));
        schema[nameof(RankingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, PassageFeatures.Names.Length);
        schema[nameof(RankingRow.GroupId)].ColumnType = new KeyDataViewType(typeof(uint), group + 1);
        var data = context.Data.LoadFromEnumerable(rows, schema);
        var trainer = context.Ranking.Trainers.FastTree(ModelFitter.TreeSettings(new FastTreeRankingTrainer.Options
        {
            FeatureColumnName = nameof(RankingRow.Features),
            LabelColumnName = nameof(RankingRow.Label),
            RowGroupColumnName = nameof(RankingRow.GroupId),
        }, trees, leaves, seed));
        return trainer.Fit(data);
    }

    /// <summary>The model's score for each row (what <see cref="PassageRanker"/> computes after loading the file).</summary>
    public float[] Score(ITransformer model, IEnumerable<float[]> rows)
    {
        var context = new MLContext(seed);
        var data = context.Data.LoadFromEnumerable(rows.Select(r => new FeatureRow { Features = r }), LearnedModel.Schema(PassageFeatures.Names.Length));
        return context.Data.CreateEnumerable<RankScore>(model.Transform(data), reuseRowObject: false).Select(r => r.Score).ToArray();
    }
}
