using System.Text.Json;
using Microsoft.ML;

namespace ArticleQa.Answering.Learning;

/// <summary>The model files of the Local model and how their cards are read and written.</summary>
internal static class ModelFiles
{
    public const string SentenceScorer = "answer-sentence";
    public const string Abstention = "abstention";
    public const string TopicAbstention = "topic-abstention";
    public const string PassageRanker = "passage-ranker";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ZipPath(string folder, string name) => Path.Combine(folder, name + ".zip");

    public static string CardPath(string zipPath) => Path.ChangeExtension(zipPath, ".card.json");

    /// <summary>
    /// The card beside <paramref name="zipPath"/>, after checking that both files exist and that the card lists
    /// <paramref name="expectedFeatures"/>; otherwise an <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    public static ModelCard ReadCheckedCard(string zipPath, IReadOnlyList<string> expectedFeatures)
    {
        ArgumentNullException.ThrowIfNull(zipPath);
        ArgumentNullException.ThrowIfNull(expectedFeatures);
        var cardPath = CardPath(zipPath);
        foreach (var path in new[] { zipPath, cardPath })
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"Model file '{path}' is missing (rebuild it with the train command).");
            }
        }

        var card = ReadCard(cardPath);
        if (!card.Features.SequenceEqual(expectedFeatures, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"Model file '{cardPath}' lists features [{string.Join(", ", card.Features)}], but this build computes [{string.Join(", ", expectedFeatures)}] (retrain with the train command).");
        }

        return card;
    }

    /// <summary>The ML.NET model in <paramref name="zipPath"/>; an unreadable file is an <see cref="InvalidDataException"/> naming it.</summary>
    public static ITransformer LoadTransformer(MLContext context, string zipPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return context.Model.Load(zipPath, out _);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"Model file '{zipPath}' cannot be read as an ML.NET model: {e.Message}", e);
        }
    }

    public static ModelCard ReadCard(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"Model card '{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Model card '{path}' is not a valid card: {e.Message}", e);
        }
    }

    public static void WriteCard(string zipPath, ModelCard card) =>
        File.WriteAllText(CardPath(zipPath), JsonSerializer.Serialize(card, Json) + "\n");
}
