using System.ComponentModel.DataAnnotations;

namespace ArticleQa.Retrieval;

/// <summary>How many passages a question retrieves and how relevant they must be.</summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Retrieval";

    /// <summary>Passages handed to the model, best first.</summary>
    [Range(1, 50)]
    public int TopK { get; set; } = 5;

    /// <summary>Passages scoring below this are not relevant; when none is left the bot abstains without calling the model.</summary>
    [Range(0.0, 1.0)]
    public double MinScore { get; set; } = 0.05;
}
