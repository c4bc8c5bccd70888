namespace ArticleBot.Channels;

/// <summary>The three ways an answer is shown, chosen by the activity's channel id.</summary>
public enum ChannelKind
{
    /// <summary>Microsoft Teams: <c>[n]</c> markers + schema.org Message entity + feedback loop.</summary>
    Teams,

    /// <summary>Web Chat / Direct Line: the entity plus markdown link definitions, Like/Dislike actions.</summary>
    WebChat,

    /// <summary>Emulator and any other channel: markdown with a "Sources" list under the answer.</summary>
    Markdown,
}

/// <summary>Maps channel ids to <see cref="ChannelKind"/>.</summary>
public static class ChannelKinds
{
    public static ChannelKind Of(string? channelId) => channelId switch
    {
        "msteams" => ChannelKind.Teams,
        "webchat" or "directline" => ChannelKind.WebChat,
        _ => ChannelKind.Markdown,
    };
}
