using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace ArticleQa.Retrieval;

/// <summary>
/// An ML.NET <c>FeaturizeText</c> pipeline (word 1-2 grams and character 3-grams, TF-IDF weighted, L2-normalised)
/// fitted on the corpus; turns passages and questions into comparable vectors.
/// </summary>
internal sealed class TfidfVectorizer
{
    private readonly MLContext _ml = new(seed: 0);
    private readonly PredictionEngine<TextRow, VectorRow> _engine;
    private readonly Lock _engineLock = new();

    private TfidfVectorizer(ITransformer model, IReadOnlyList<float[]> corpusVectors)
    {
        _engine = _ml.Model.CreatePredictionEngine<TextRow, VectorRow>(model);
        CorpusVectors = corpusVectors;
    }

    /// <summary>One L2-normalised vector per corpus text, in input order.</summary>
    public IReadOnlyList<float[]> CorpusVectors { get; }

    public static TfidfVectorizer Fit(IReadOnlyList<string> corpus)
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(corpus.Select(text => new TextRow { Text = text }));
        var options = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            StopWordsRemoverOptions = new StopWordsRemovingEstimator.Options { Language = TextFeaturizingEstimator.Language.English },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var model = ml.Transforms.Text.FeaturizeText(nameof(VectorRow.Features), options, nameof(TextRow.Text)).Fit(data);
        var vectors = ml.Data.CreateEnumerable<VectorRow>(model.Transform(data), reuseRowObject: false)
            .Select(row => row.Features)
            .ToList();
        return new TfidfVectorizer(model, vectors);
    }

    public float[] Vectorize(string text)
    {
        lock (_engineLock)
        {
            return _engine.Predict(new TextRow { Text = text }).Features;
        }
    }

    private sealed class TextRow
    {
        public string Text { get; set; } = "";
    }

    private sealed class VectorRow
    {
        [VectorType]
        public float[] Features { get; set; } = [];
    }
}
