using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArticleBot.Cli;
using ArticleQa.Evaluation;

namespace ArticleBot.Tests.Cli;

public sealed partial class EvalCommandTests(SeedEvalFixture seed) : IClassFixture<SeedEvalFixture>
{
    [Fact]
    public async Task Run_SeedSet_PrintsFiguresPerQuestionAndInTotal()
    {
        Assert.Equal(0, seed.TextExitCode);
        foreach (var id in await SeedIdsAsync())
        {
            Assert.Matches(new Regex($@"^(pass|FAIL)  {Regex.Escape(id)}  answer (ok|no)  citation (ok|no)  F1 \d\.\d\d +\d+ ms  \S", RegexOptions.Multiline), seed.Text);
        }

        Assert.Matches(@"Retrieval \(hybrid\), 12 questions: recall@1 \d\.\d{3}  recall@5 \d\.\d{3}  recall@10 \d\.\d{3}  MRR@10 \d\.\d{3}", seed.Text);
        Assert.Matches(@"Answers, 24 questions \(15 answerable, 9 not\): accuracy \d\.\d{3}  token F1 \d\.\d{3}  citation accuracy \d\.\d{3}  abstention precision \d\.\d{3}  recall \d\.\d{3}", seed.Text);
        var latency = Latency().Match(seed.Text);
        Assert.True(latency.Success, seed.Text);
        Assert.True(int.Parse(latency.Groups["p50"].Value, CultureInfo.InvariantCulture) <= int.Parse(latency.Groups["p95"].Value, CultureInfo.InvariantCulture));
        var hashes = JsonNode.Parse(seed.Json)!["answers"]!["promptHashes"]!.AsArray().Select(h => (string)h!).ToList();
        Assert.Equal([latency.Groups["hash"].Value], hashes);
        Assert.Contains($"Report: {seed.ReportPath}", seed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SeedSetJson_HasRetrievalAndAnswerSectionsWithPerQuestionResults()
    {
        Assert.Equal(0, seed.JsonExitCode);
        var json = JsonNode.Parse(seed.Json)!;
        var retrieval = json["retrieval"]!;
        Assert.Equal("hybrid", (string?)retrieval["mode"]);
        Assert.Equal(12, (int)retrieval["questions"]!);
        Assert.Equal(12, retrieval["perQuestion"]!.AsArray().Count);
        AssertRetrievalFiguresFollowFromRanks(retrieval);
        Assert.All(retrieval["perQuestion"]!.AsArray(), r => Assert.StartsWith("seed-", (string)r!["id"]!, StringComparison.Ordinal));

        var answers = json["answers"]!;
        Assert.Equal(24, (int)answers["questions"]!);
        Assert.Equal(15, (int)answers["answerable"]!);
        Assert.Equal(9, (int)answers["unanswerable"]!);
        Assert.True((double)answers["latencyP50Ms"]! <= (double)answers["latencyP95Ms"]!);
        Assert.Matches("^[0-9a-f]{12}$", (string)answers["promptHashes"]![0]!);
        Assert.True((bool)answers["complete"]!);
        var perQuestion = answers["perQuestion"]!.AsArray();
        Assert.Equal(24, perQuestion.Count);
        Assert.All(perQuestion, r =>
        {
            Assert.NotEmpty((string)r!["answer"]!);
            Assert.NotNull(r["passed"]);
            Assert.True((bool)r["scored"]!);
        });
        AssertAnswerFiguresFollowFromResults(answers);
    }

    /// <summary>Each retrieval figure is what the per-question ranks give (recall@k: share ranked k or better; MRR@10).</summary>
    private static void AssertRetrievalFiguresFollowFromRanks(JsonNode retrieval)
    {
        var ranks = retrieval["perQuestion"]!.AsArray().Select(r => (int?)r!["rank"]).ToList();
        double Recall(int k) => (double)ranks.Count(rank => rank <= k) / ranks.Count;
        Assert.Equal(Recall(1), (double)retrieval["recallAt1"]!, 4);
        Assert.Equal(Recall(5), (double)retrieval["recallAt5"]!, 4);
        Assert.Equal(Recall(10), (double)retrieval["recallAt10"]!, 4);
        Assert.Equal(ranks.Sum(rank => rank is { } n ? 1.0 / n : 0) / ranks.Count, (double)retrieval["mrrAt10"]!, 4);
    }

    /// <summary>Each answer figure is what the per-question results give, over the right denominator.</summary>
    private static void AssertAnswerFiguresFollowFromResults(JsonNode answers)
    {
        var results = answers["perQuestion"]!.AsArray().Select(r => r!).ToList();
        var answerable = results.Where(r => (bool)r["answerable"]!).ToList();
        var abstained = results.Where(r => (bool)r["abstained"]!).ToList();
        var rightAbstentions = abstained.Count(r => !(bool)r["answerable"]!);
        Assert.Equal((double)answerable.Count(r => (bool)r["answerCorrect"]!) / answerable.Count, (double)answers["accuracy"]!, 4);
        Assert.Equal((double)answerable.Count(r => (bool)r["citationCorrect"]!) / answerable.Count, (double)answers["citationAccuracy"]!, 4);
        Assert.Equal(answerable.Average(r => (double)r["f1"]!), (double)answers["tokenF1"]!, 4);
        Assert.Equal((double)rightAbstentions / abstained.Count, (double)answers["abstentionPrecision"]!, 4);
        Assert.Equal((double)rightAbstentions / (results.Count - answerable.Count), (double)answers["abstentionRecall"]!, 4);
        var latencies = results.Select(r => (double)r["latencyMs"]!).Order().ToList();
        Assert.Equal(Math.Round(latencies[(int)Math.Ceiling(0.5 * latencies.Count) - 1]), (double)answers["latencyP50Ms"]!);
    }

    [Fact]
    public void Run_SeedSet_AnswersNearlyAllAnswerableAndAbstainsOnMostOthers()
    {
        var results = JsonNode.Parse(seed.Json)!["answers"]!["perQuestion"]!.AsArray().Select(r => r!).ToList();
        var answerable = results.Where(r => (bool)r["answerable"]!).ToList();
        var unanswerable = results.Where(r => !(bool)r["answerable"]!).ToList();

        Assert.Equal(15, answerable.Count);
        // The learned Local model (not trained or tuned on these questions) measures 11 of 15 and 7 of 9; the
        // hand-tuned scorer it replaced, calibrated on these very questions, measured 13 and 6.
        Assert.True(answerable.Count(r => (bool)r["passed"]!) >= 11, "Answerable questions answered right with a right citation: " + Ids(answerable.Where(r => !(bool)r["passed"]!)));
        Assert.Equal(9, unanswerable.Count);
        Assert.True(unanswerable.Count(r => (bool)r["abstained"]!) >= 7, "Unanswerable questions answered anyway: " + Ids(unanswerable.Where(r => !(bool)r["abstained"]!)));
    }

    [Fact]
    public async Task Run_Report_WritesSelfContainedHtmlWithSummaryChartAndFailingRowsFirst()
    {
        var html = await File.ReadAllTextAsync(seed.ReportPath, TestContext.Current.CancellationToken);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Abstention precision and recall by threshold\"", html, StringComparison.Ordinal);
        // Self-contained: no scripts, stylesheets or images from elsewhere. The seed article has no URL, so there are
        // no article links either, and any http(s) src/href would be an external asset.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(ExternalReference().Matches(html));

        var summary = Regex.Match(html, "<table><tr><th>Figure</th><th>Value</th></tr>.*?</table>", RegexOptions.Singleline).Value;
        foreach (var figure in new[] { "recall@5", "MRR@10", "answer accuracy", "citation accuracy", "abstention recall", "latency p50 / p95", "prompt hash" })
        {
            Assert.Contains($"<td>{figure}</td>", summary, StringComparison.Ordinal);
        }

        var chart = Regex.Match(html, "<svg[^>]*>.*?</svg>", RegexOptions.Singleline).Value;
        Assert.True(Regex.Count(chart, "<rect ") >= 2 * 9, "one background and one value bar per figure");
        Assert.Contains(">answer accuracy</text>", chart, StringComparison.Ordinal);

        var rows = QuestionRow().Matches(html);
        Assert.Equal((await SeedIdsAsync()).Order(StringComparer.Ordinal), rows.Select(r => r.Groups["id"].Value).Order(StringComparer.Ordinal));
        var outcomes = rows.Select(r => r.Groups["outcome"].Value).ToList();
        Assert.Equal(outcomes.OrderBy(o => o == "pass"), outcomes);
    }

    [Fact]
    public async Task Run_CompareWithChangedAnswerPrompt_PrintsBothColumnsAndTheQuestionsThatChangedOutcome()
    {
        // The Local model reads the question from the prompt's "Search query:" line (the condensed, standalone
        // question), else from the raw "Question:" line. Dropping the first and relabelling the second leaves it no
        // question, so it abstains on everything: a deterministic outcome change for every question it answered before.
        var myPrompts = Path.Combine(VerbRunner.TempFolder(), "my-prompts");
        CopyFolder(RepositoryPaths.Prompts, myPrompts);
        var answerPrompt = Path.Combine(myPrompts, "Answer", "skprompt.txt");
        var lines = await File.ReadAllLinesAsync(answerPrompt, TestContext.Current.CancellationToken);
        var changed = lines.Where(l => !l.StartsWith("Search query:", StringComparison.Ordinal)).Select(l => l.Replace("Question:", "Asked:", StringComparison.Ordinal)).ToList();
        Assert.Equal(lines.Length - 1, changed.Count);
        await File.WriteAllLinesAsync(answerPrompt, changed, TestContext.Current.CancellationToken);

        var (exitCode, output, _) = await VerbRunner.RunAsync(
            "eval", "--questions", VerbRunner.SeedQuestions, "--conversations", VerbRunner.SeedConversations, "--compare", RepositoryPaths.Prompts, myPrompts);

        Assert.Equal(0, exitCode);
        var header = output.Split('\n')[0];
        Assert.Matches(@"^figure +\S*prompts +\S*my-prompts +difference", header);
        var accuracy = Regex.Match(output, @"^answer accuracy +(?<a>\d\.\d{3}) +(?<b>\d\.\d{3}) +(?<d>[+-]?\d\.\d{3})\r?$", RegexOptions.Multiline);
        Assert.True(accuracy.Success, output);
        Assert.Equal(Number(accuracy, "b") - Number(accuracy, "a"), Number(accuracy, "d"), tolerance: 0.0015);
        Assert.Matches(@"(?m)^recall@5 +\d\.\d{3} +\d\.\d{3} +[+-]?\d\.\d{3}\r?$", output);
        var hashes = Regex.Match(output, @"^prompt hash +(?<a>[0-9a-f]{12}) +(?<b>[0-9a-f]{12})\r?$", RegexOptions.Multiline);
        Assert.True(hashes.Success, output);
        Assert.NotEqual(hashes.Groups["a"].Value, hashes.Groups["b"].Value);

        var count = Regex.Match(output, @"^(?<n>\d+) questions changed outcome:", RegexOptions.Multiline);
        Assert.True(count.Success, output);
        var outcomeChanges = Regex.Matches(output, @"^  (pass -> fail|fail -> pass)  (?<id>\S+)  ", RegexOptions.Multiline);
        Assert.Equal(int.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture), outcomeChanges.Count);
        Assert.Contains(outcomeChanges, c => c.Groups["id"].Value.StartsWith("seed-c", StringComparison.Ordinal));

        // The sign test counts the same changes. Abstaining on everything loses every right answer and gains only the
        // unanswerable questions it used to answer: far more pass -> fail than fail -> pass.
        var significance = Regex.Match(output, @"^outcome changes: (?<better>\d+) fail -> pass, (?<worse>\d+) pass -> fail; exact sign test p = (?<p>\d\.\d{3}) \((?<reading>[^)]*)\)\r?$", RegexOptions.Multiline);
        Assert.True(significance.Success, output);
        var (better, worse) = (outcomeChanges.Count(c => c.Groups[1].Value == "fail -> pass"), outcomeChanges.Count(c => c.Groups[1].Value == "pass -> fail"));
        Assert.True(worse >= better + 6, output);
        Assert.Equal(better, int.Parse(significance.Groups["better"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(worse, int.Parse(significance.Groups["worse"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(ArticleQa.Evaluation.SignTest.TwoSidedP(better, worse), Number(significance, "p"), tolerance: 0.0005);
        Assert.Equal(Number(significance, "p") < 0.05, significance.Groups["reading"].Value.StartsWith("unlikely to be chance: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_CompareWithFloor_FailsNamingTheOptionBeforeEvaluating()
    {
        var (exitCode, output, error) = await VerbRunner.RunAsync(
            "eval", "--questions", VerbRunner.SeedQuestions, "--compare", "Local", "OpenAI", "--min-accuracy", "0.5");

        Assert.Equal(2, exitCode);
        Assert.Contains("error: Option --min-accuracy does not apply to --compare", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Run_SquadSample_MeetsQualityFloors()
    {
        // A fixed sample (every 30th question, 37 of 1,086) keeps the run short; the floors sit well under what the
        // full subset measures with the Local model (accuracy 0.718, citation accuracy 0.742, recall@5 0.980).
        var sample = Path.Combine(VerbRunner.TempFolder(), "squad-sample.jsonl");
        var lines = await File.ReadAllLinesAsync(Path.Combine(VerbRunner.Squad, "questions.jsonl"), TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(sample, lines.Where((_, i) => i % 30 == 0), TestContext.Current.CancellationToken);

        var (exitCode, output, _) = await VerbRunner.RunAsync(
            "eval", "--questions", sample, "--articles", Path.Combine(VerbRunner.Squad, "articles"), "--json",
            "--min-accuracy", "0.6", "--min-citation-accuracy", "0.65", "--min-recall5", "0.85");

        var json = JsonNode.Parse(output)!;
        Assert.Equal(37, (int)json["answers"]!["questions"]!);
        Assert.True((double)json["answers"]!["accuracy"]! >= 0.6, output);
        Assert.True((double)json["answers"]!["citationAccuracy"]! >= 0.65, output);
        Assert.True((double)json["retrieval"]!["recallAt5"]! >= 0.85, output);
        Assert.Equal(0, exitCode);
    }

    private static async Task<List<string>> SeedIdsAsync()
    {
        var questions = await QuestionFile.ReadAsync(VerbRunner.SeedQuestions, TestContext.Current.CancellationToken);
        var conversations = await ConversationFile.ReadAsync(VerbRunner.SeedConversations, TestContext.Current.CancellationToken);
        return [.. questions.Questions.Select(q => q.Id), .. conversations.Conversations.Select(c => c.Id)];
    }

    private static string Ids(IEnumerable<JsonNode> results) => string.Join(", ", results.Select(r => (string)r["id"]!));

    private static double Number(Match match, string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"Latency p50 (?<p50>\d+) ms  p95 (?<p95>\d+) ms; prompts (?<hash>[0-9a-f]{12})")]
    private static partial Regex Latency();

    [GeneratedRegex(@"\b(?:src|href)\s*=\s*[""']?(?:https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"<tr class=""(?<outcome>pass|fail)""><td>.*?<br><small>(?<id>[^<]+)</small>")]
    private static partial Regex QuestionRow();
}
