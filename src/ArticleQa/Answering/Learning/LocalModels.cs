namespace ArticleQa.Answering.Learning;

/// <summary>
/// The Local model's two learned models: the answer-sentence scorer and the abstention model with its operating point
/// (the threshold chosen on the dev split, from its card).
/// </summary>
internal sealed class LocalModels(LearnedModel scorer, LearnedModel abstention)
{
    /// <summary>Where the shipped models are copied next to the application.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>The folder <c>Answering:ModelsPath</c> names, or <see cref="DefaultFolder"/> when it is empty.</summary>
    public static string FolderOf(AnsweringOptions options) =>
        string.IsNullOrWhiteSpace(options.ModelsPath) ? DefaultFolder : PathResolver.ResolveExisting(options.ModelsPath);

    public LearnedModel Scorer { get; } = scorer;

    public LearnedModel Abstention { get; } = abstention;

    /// <summary>Answer when the abstention model's P(the best sentence answers) is at least this.</summary>
    public double OperatingPoint { get; } = abstention.Card.OperatingPoint ?? 0.5;

    public static LocalModels Load(string folder) => new(
        LearnedModel.Load(ModelFiles.ZipPath(folder, ModelFiles.SentenceScorer), SentenceFeatures.Names),
        LearnedModel.Load(ModelFiles.ZipPath(folder, ModelFiles.Abstention), QuestionFeatures.Names));
}
