using System.ComponentModel.DataAnnotations;

namespace ArticleQa.Retrieval;

/// <summary>Where the persisted passage index lives and how it follows the articles folder.</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Index";

    /// <summary>Folder of the index file; relative paths resolve against the repository root when there is one (git-ignored <c>.index</c>).</summary>
    [Required]
    public string Path { get; set; } = ".index";

    /// <summary>While serving, re-index when files in the articles folder are added, changed or removed.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Quiet time after the last file change before re-indexing, so a burst of changes is indexed once.</summary>
    [Range(50, 60000)]
    public int DebounceMilliseconds { get; set; } = 1000;

    /// <summary>Passages embedded per call to the embedding generator.</summary>
    [Range(1, 4096)]
    public int EmbeddingBatchSize { get; set; } = 64;
}
