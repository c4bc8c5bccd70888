namespace ArticleQa.Answering.Learning;

/// <summary>
/// The Local model's learned models: the answer-sentence scorer, and two abstention models, each with its operating
/// point (the threshold chosen on the dev split, from its card): one for broad questions about a name
/// (<see cref="TextFeatures.TopicFormOf"/>: "What do the articles say about Geneva?", "Who is Witkoff?"), which any
/// sentence naming it answers, and one for every other question.
/// </summary>
internal sealed class LocalModels(LearnedModel scorer, LearnedModel abstention, LearnedModel topicAbstention)
{
    /// <summary>Where the shipped models are copied next to the application.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>The folder <c>Answering:ModelsPath</c> names, or <see cref="DefaultFolder"/> when it is empty.</summary>
    public static string FolderOf(AnsweringOptions options) =>
        string.IsNullOrWhiteSpace(options.ModelsPath) ? DefaultFolder : PathResolver.ResolveExisting(options.ModelsPath);

    public LearnedModel Scorer { get; } = scorer;

    public LearnedModel Abstention { get; } = abstention;

    /// <summary>The abstention model of broad questions about a name.</summary>
    public LearnedModel TopicAbstention { get; } = topicAbstention;

    /// <summary>Answer when the abstention model's P(the best sentence answers) is at least this.</summary>
    public double OperatingPoint { get; } = abstention.Card.OperatingPoint ?? 0.5;

    /// <summary>The same for <see cref="TopicAbstention"/>.</summary>
    public double TopicOperatingPoint { get; } = topicAbstention.Card.OperatingPoint ?? 0.5;

    /// <summary>The abstention model that decides on <paramref name="question"/>, and its operating point.</summary>
    public (LearnedModel Model, double OperatingPoint) AbstentionFor(string question) =>
        TextFeatures.TopicFormOf(question) == TopicForm.None ? (Abstention, OperatingPoint) : (TopicAbstention, TopicOperatingPoint);

    public static LocalModels Load(string folder) => new(
        LearnedModel.Load(ModelFiles.ZipPath(folder, ModelFiles.SentenceScorer), SentenceFeatures.Names),
        LearnedModel.Load(ModelFiles.ZipPath(folder, ModelFiles.Abstention), QuestionFeatures.Names),
        LearnedModel.Load(ModelFiles.ZipPath(folder, ModelFiles.TopicAbstention), QuestionFeatures.Names));
}
