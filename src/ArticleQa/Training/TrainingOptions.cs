namespace ArticleQa.Training;

/// <summary>What <see cref="AnswerModelTrainer"/> reads and where it writes.</summary>
/// <param name="SquadPath">A SQuAD v1.1 file (the dev set): articles and answerable questions.</param>
/// <param name="Squad2Path">A SQuAD 2.0 file on some of the same articles: their unanswerable questions.</param>
/// <param name="OutputFolder">Where the model files and cards are written.</param>
/// <param name="WorkFolder">Articles, index and extracted features (kept between runs as a cache).</param>
/// <param name="WordNetFolder">A WordNet 3.0 database folder for reworded training questions (<see cref="ParaphrasedQuestions"/>), or null to train without them.</param>
public sealed record TrainingOptions(string SquadPath, string Squad2Path, string OutputFolder, string WorkFolder, string? WordNetFolder = null);
