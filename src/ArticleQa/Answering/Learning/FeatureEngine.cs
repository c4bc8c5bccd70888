using Microsoft.ML;

namespace ArticleQa.Answering.Learning;

/// <summary>
/// A loaded ML.NET model's prediction engine over <see cref="FeatureRow"/>s, safe to share between threads (one
/// prediction at a time), for every learned model of the engine whatever its output row.
/// </summary>
internal sealed class FeatureEngine<TOutput>
    where TOutput : class, new()
{
    private readonly PredictionEngine<FeatureRow, TOutput> _engine;
    private readonly Lock _lock = new();

    private FeatureEngine(PredictionEngine<FeatureRow, TOutput> engine) => _engine = engine;

    /// <summary>The model in <paramref name="zipPath"/>; an unreadable file, or one that does not output <typeparamref name="TOutput"/>, is an <see cref="InvalidDataException"/> naming it.</summary>
    public static FeatureEngine<TOutput> Load(string zipPath, int featureCount)
    {
        var context = new MLContext(seed: 1);
        var transformer = ModelFiles.LoadTransformer(context, zipPath);
        try
        {
            return new FeatureEngine<TOutput>(context.Model.CreatePredictionEngine<FeatureRow, TOutput>(transformer, inputSchemaDefinition: LearnedModel.Schema(featureCount)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"Model file '{zipPath}' is not a model of this kind ({typeof(TOutput).Name}): {e.Message}", e);
        }
    }

    /// <summary><paramref name="pick"/> of the prediction for each row.</summary>
    public float[] Predict(IReadOnlyList<float[]> rows, Func<TOutput, float> pick)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(pick);
        var result = new float[rows.Count];
        lock (_lock)
        {
            var row = new FeatureRow();
            for (var i = 0; i < rows.Count; i++)
            {
                row.Features = rows[i];
                result[i] = pick(_engine.Predict(row));
            }
        }

        return result;
    }
}
