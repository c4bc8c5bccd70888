using System.ComponentModel.DataAnnotations;

namespace ArticleQa.Articles;

/// <summary>Where the articles live, which files are accepted and how articles are cut into passages.</summary>
public sealed class ArticlesOptions
{
    public const string SectionName = "Articles";

    /// <summary>The default of <see cref="MaxFileBytes"/>: 20 MB.</summary>
    public const int DefaultMaxFileBytes = 20 * 1024 * 1024;

    /// <summary>Folder of article files; relative paths resolve from the working directory, the content root or the repository root.</summary>
    [Required]
    public string Path { get; set; } = "seeds";

    /// <summary>Larger article files are skipped (with a warning) before they are read.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>A passage is closed at a paragraph end once it has this many words.</summary>
    [Range(1, 2000)]
    public int MinWords { get; set; } = 60;

    /// <summary>A passage is closed once it reaches this many words (never cutting a sentence).</summary>
    [Range(10, 2000)]
    public int TargetWords { get; set; } = 120;

    /// <summary>A passage never grows past this many words unless a single sentence is longer.</summary>
    [Range(10, 4000)]
    public int MaxWords { get; set; } = 180;

    /// <summary>Sentences repeated at the start of the next passage so that a fact on a boundary is found whole.</summary>
    [Range(0, 10)]
    public int OverlapSentences { get; set; } = 1;
}
