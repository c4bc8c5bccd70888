namespace ArticleQa.Answering.Learning;

/// <summary>
/// <c>&lt;name&gt;.card.json</c> beside a model file: how it was made (trainer, settings, features in order), what it
/// learned from (article titles, data-file SHA-256s), and its figures on the split it was chosen on.
/// </summary>
public sealed record ModelCard(
    string Name,
    string Trainer,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> TrainedOn,
    IReadOnlyList<string> ChosenOn,
    IReadOnlyDictionary<string, string> DataFiles,
    IReadOnlyDictionary<string, double> DevFigures,
    double? OperatingPoint = null);
