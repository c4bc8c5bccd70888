using Microsoft.ML;
using Microsoft.ML.Data;

namespace ArticleQa.Answering.Learning;

/// <summary>
/// A trained ML.NET binary model read from its <c>.zip</c>, with its card; predicts a calibrated probability for a
/// feature vector. A missing or unreadable file, or a card whose features differ from the code's, is an
/// <see cref="InvalidDataException"/> naming the file.
/// </summary>
internal sealed class LearnedModel
{
    private readonly PredictionEngine<FeatureRow, ScoreRow> _engine;
    private readonly Lock _lock = new();

    private LearnedModel(PredictionEngine<FeatureRow, ScoreRow> engine, ModelCard card)
    {
        _engine = engine;
        Card = card;
    }

    public ModelCard Card { get; }

    public static LearnedModel Load(string zipPath, IReadOnlyList<string> expectedFeatures)
    {
        var card = ModelFiles.ReadCheckedCard(zipPath, expectedFeatures);
        var context = new MLContext(seed: 1);
        var transformer = ModelFiles.LoadTransformer(context, zipPath);
        try
        {
            return new LearnedModel(context.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(transformer, inputSchemaDefinition: Schema(expectedFeatures.Count)), card);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"Model file '{zipPath}' cannot be read as an ML.NET model: {e.Message}", e);
        }
    }

    /// <summary>P(positive) for each row.</summary>
    public float[] Predict(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new float[rows.Count];
        lock (_lock)
        {
            var row = new FeatureRow();
            for (var i = 0; i < rows.Count; i++)
            {
                row.Features = rows[i];
                result[i] = _engine.Predict(row).Probability;
            }
        }

        return result;
    }

    /// <summary>The input schema: a fixed-size Single vector named Features.</summary>
    public static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}
