using Npgsql;

namespace ArticleBot.Storage.Postgres;

/// <summary>
/// The schema, as numbered migrations applied in order at start (table <c>articlebot_schema</c> records the applied
/// ones). Instances starting together serialise on an advisory lock, so each migration runs once. Plain SQL that any
/// PostgreSQL 13+ runs, no extension.
/// </summary>
internal static class PostgresSchema
{
    private const long MigrationLock = 0x4172_7469_636c_6501;

    internal static readonly IReadOnlyList<(int Version, string Sql)> Migrations =
    [
        (1, """
            CREATE TABLE bot_state (key text PRIMARY KEY, value jsonb NOT NULL, etag bigint NOT NULL, updated timestamptz NOT NULL DEFAULT now());
            CREATE TABLE feedback (
                id bigserial PRIMARY KEY, time timestamptz NOT NULL, channel text NOT NULL, reaction text NOT NULL, comment text,
                answer_id text NOT NULL, question text, answer text, cited_passage_ids text[] NOT NULL, prompt_hash text);
            CREATE TABLE directline_conversations (
                id text PRIMARY KEY, token text NOT NULL, token_expires timestamptz NOT NULL, previous_token text, previous_expires timestamptz,
                last_used timestamptz NOT NULL, started boolean NOT NULL DEFAULT false, announced text[] NOT NULL DEFAULT '{}', next_sequence bigint NOT NULL DEFAULT 0);
            CREATE INDEX directline_conversations_last_used ON directline_conversations (last_used);
            CREATE TABLE directline_activities (
                conversation_id text NOT NULL REFERENCES directline_conversations (id) ON DELETE CASCADE,
                sequence bigint NOT NULL, id text NOT NULL, activity jsonb NOT NULL, PRIMARY KEY (conversation_id, sequence));
            CREATE INDEX directline_activities_id ON directline_activities (conversation_id, id);
            CREATE TABLE index_state (id int PRIMARY KEY CHECK (id = 1), version bigint NOT NULL, settings jsonb NOT NULL, updated timestamptz NOT NULL DEFAULT now());
            CREATE TABLE index_terms (id serial PRIMARY KEY, term text NOT NULL UNIQUE);
            CREATE TABLE index_articles (id text PRIMARY KEY, position int NOT NULL, content_hash text NOT NULL, info jsonb NOT NULL);
            CREATE TABLE index_passages (
                article_id text NOT NULL REFERENCES index_articles (id) ON DELETE CASCADE, ordinal int NOT NULL, start_offset int NOT NULL, end_offset int NOT NULL,
                text text NOT NULL, scale real NOT NULL, vector bytea NOT NULL, term_ids int[] NOT NULL, term_counts smallint[] NOT NULL,
                PRIMARY KEY (article_id, ordinal));
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Applies the migrations this database lacks; returns the versions applied.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken);
        await Execute(connection, "CREATE TABLE IF NOT EXISTS articlebot_schema (version int PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())", cancellationToken);
        await using var current = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM articlebot_schema", connection);
        var version = (int)(await current.ExecuteScalarAsync(cancellationToken))!;
        if (version > LatestVersion)
        {
            throw new InvalidOperationException($"The database's schema is version {version}, newer than this build knows ({LatestVersion}): update the bot.");
        }

        var applied = new List<int>();
        foreach (var (number, sql) in Migrations.Where(m => m.Version > version))
        {
            await Execute(connection, sql, cancellationToken);
            await Execute(connection, $"INSERT INTO articlebot_schema (version) VALUES ({number})", cancellationToken);
            applied.Add(number);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
