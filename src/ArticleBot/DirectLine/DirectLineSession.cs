namespace ArticleBot.DirectLine;

/// <summary>A Direct Line conversation as the endpoints see it: its id and current token.</summary>
public sealed record DirectLineSession(string Id, DirectLineToken Token);
