namespace ArticleQa.Tests.Evaluation;

/// <summary>An <see cref="IProgress{T}"/> that records reports synchronously (Progress&lt;T&gt; posts them later).</summary>
public sealed class RecordingProgress : IProgress<int>
{
    public List<int> Reports { get; } = [];

    public void Report(int value) => Reports.Add(value);
}
