namespace ArticleBot.Storage;

/// <summary>Where conversation state, feedback, Direct Line conversations and (with PostgreSQL) the index live.</summary>
public enum StorageProvider
{
    /// <summary>In this process (conversation state and Direct Line) and local files (feedback, index): one instance.</summary>
    Memory,

    /// <summary>Conversation state in a local folder (Channels:StoragePath), so it survives a restart: one instance.</summary>
    File,

    /// <summary>Everything shared in one PostgreSQL database (ConnectionStrings:ArticleBot): several instances.</summary>
    PostgreSQL,
}
