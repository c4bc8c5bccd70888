using System.Text.Json;

namespace ArticleQa.Answering.Learning;

/// <summary>The model files of the Local model and how their cards are read and written.</summary>
internal static class ModelFiles
{
    public const string SentenceScorer = "answer-sentence";
    public const string Abstention = "abstention";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ZipPath(string folder, string name) => Path.Combine(folder, name + ".zip");

    public static string CardPath(string zipPath) => Path.ChangeExtension(zipPath, ".card.json");

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
