using Microsoft.ML.Data;

namespace ArticleQa.Answering.Learning;

/// <summary>
/// A trained ML.NET binary model read from its <c>.zip</c>, with its card; predicts a calibrated probability for a
/// feature vector. A missing or unreadable file, or a card whose features differ from the code's, is an
/// <see cref="InvalidDataException"/> naming the file.
/// </summary>
internal sealed class LearnedModel
{
    private readonly FeatureEngine<ScoreRow> _engine;

    private LearnedModel(FeatureEngine<ScoreRow> engine, ModelCard card)
    {
        _engine = engine;
        Card = card;
    }

    public ModelCard Card { get; }

    public static LearnedModel Load(string zipPath, IReadOnlyList<string> expectedFeatures)
    {
        var card = ModelFiles.ReadCheckedCard(zipPath, expectedFeatures);
        return new LearnedModel(FeatureEngine<ScoreRow>.Load(zipPath, expectedFeatures.Count), card);
    }

    /// <summary>P(positive) for each row.</summary>
    public float[] Predict(IReadOnlyList<float[]> rows) => _engine.Predict(rows, r => r.Probability);

    /// <summary>The input schema: a fixed-size Single vector named Features.</summary>
    public static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}
