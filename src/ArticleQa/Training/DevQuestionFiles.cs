using System.Text.Encodings.Web;
using System.Text.Json;
using ArticleQa.Evaluation;

namespace ArticleQa.Training;

/// <summary>
/// The dev split's questions as <c>eval</c> question files, written into the work folder beside the articles
/// <c>train</c> indexes, so that the README's dev-split figures can be reproduced through <c>eval</c>:
/// <c>dev-v1.1.jsonl</c> (every answerable question of the dev articles) and <c>dev-squad2.jsonl</c> (the dev articles
/// that have SQuAD 2.0 questions: their answerable ones, then their unanswerable ones).
/// </summary>
internal static class DevQuestionFiles
{
    public const string V11 = "dev-v1.1.jsonl";

    public const string Squad2 = "dev-squad2.jsonl";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes both files into <paramref name="folder"/>; returns how many questions each holds.</summary>
    public static async Task<(int V11, int Squad2)> WriteAsync(SquadTrainingData data, SquadSplit split, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(split);
        var dev = data.Articles.Where(a => split.Dev.Contains(a.Title, StringComparer.Ordinal)).ToList();
        SquadSplit.RefuseReserved(dev.Select(a => a.Title));
        var v11 = dev.SelectMany(a => a.Questions.Where(q => q.Answerable)).ToList();
        var squad2Articles = dev.Where(a => data.Squad2Titles.Contains(a.Title)).ToList();
        var squad2 = squad2Articles.SelectMany(a => a.Questions.Where(q => q.Answerable))
            .Concat(squad2Articles.SelectMany(a => a.Questions.Where(q => !q.Answerable)))
            .ToList();
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, V11), v11.Select(Line), cancellationToken).ConfigureAwait(false);
        await File.WriteAllLinesAsync(Path.Combine(folder, Squad2), squad2.Select(Line), cancellationToken).ConfigureAwait(false);
        return (v11.Count, squad2.Count);
    }

    /// <summary>One line of a question file (tests/eval/README.md): id, question, answers, evidence, answerable.</summary>
    internal static string Line(EvalQuestion question) => JsonSerializer.Serialize(
        new { id = question.Id, question = question.Question, answers = question.Answers, evidence = question.Evidence, answerable = question.Answerable },
        Json);
}
