namespace ArticleQa.Text;

/// <summary>A half-open character range [Start, End) in some text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public string Of(string text) => text[Start..End];
}
