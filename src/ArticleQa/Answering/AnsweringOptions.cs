using System.ComponentModel.DataAnnotations;

namespace ArticleQa.Answering;

/// <summary>Where the prompts are and how answers are put together.</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>The Semantic Kernel prompt directory: one folder per function with skprompt.txt + config.json.</summary>
    [Required]
    public string PromptsPath { get; set; } = "prompts";

    /// <summary>Share of a cited sentence's content terms its passage must contain for the citation to stand.</summary>
    [Range(0.0, 1.0)]
    public double SupportThreshold { get; set; } = 0.5;

    /// <summary>
    /// Folder with the learned models (answer-sentence.zip, abstention.zip, topic-abstention.zip, and passage-ranker.zip, which retrieval
    /// uses with every model, and their cards); empty for the ones shipped next to the application. Rebuilt with the <c>train</c> command.
    /// </summary>
    public string ModelsPath { get; set; } = "";

    /// <summary>Earlier turns kept per conversation for follow-up questions.</summary>
    [Range(0, 50)]
    public int HistoryTurns { get; set; } = 4;

    /// <summary>Re-read the prompt files when they change while serving.</summary>
    public bool WatchPrompts { get; set; } = true;
}
