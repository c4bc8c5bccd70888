namespace ArticleQa.Tests.Evaluation;

/// <summary>A file in the temp folder with the given text, deleted on dispose.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string text, string extension = ".jsonl")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"articleqa-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
