namespace ArticleBot.DirectLine;

/// <summary>The <c>{"id": ...}</c> answer to a posted, sent, replied or updated activity.</summary>
public sealed record DirectLineResourceResponse(string Id);
