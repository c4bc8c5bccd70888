using System.ComponentModel.DataAnnotations;

namespace ArticleQa.Answering;

/// <summary>Where the prompts are and how answers are put together.</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>The Semantic Kernel prompt directory: one folder per function with skprompt.txt + config.json.</summary>
    [Required]
    public string PromptsPath { get; set; } = "prompts";
}
