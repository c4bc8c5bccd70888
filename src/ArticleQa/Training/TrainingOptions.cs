namespace ArticleQa.Training;

/// <summary>What <see cref="AnswerModelTrainer"/> reads and where it writes.</summary>
/// <param name="SquadPath">A SQuAD v1.1 file (the dev set): articles and answerable questions.</param>
/// <param name="Squad2Path">A SQuAD 2.0 file on some of the same articles: their unanswerable questions.</param>
/// <param name="OutputFolder">Where the model files and cards are written.</param>
/// <param name="WorkFolder">Articles, index and extracted features (kept between runs as a cache).</param>
public sealed record TrainingOptions(string SquadPath, string Squad2Path, string OutputFolder, string WorkFolder);
