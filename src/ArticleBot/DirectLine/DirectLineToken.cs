namespace ArticleBot.DirectLine;

/// <summary>A conversation's bearer token (<c>{conversationId}.{random}</c>) and when it stops being accepted.</summary>
public sealed record DirectLineToken(string Value, DateTimeOffset ExpiresAt);
