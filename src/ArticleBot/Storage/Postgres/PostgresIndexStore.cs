using System.Text.Json;
using ArticleQa.Retrieval;
using Npgsql;
using NpgsqlTypes;

namespace ArticleBot.Storage.Postgres;

/// <summary>
/// The index in PostgreSQL, written once by whoever ingests and read by every instance: articles, passages with their
/// int8 embeddings and BM25 term counts (over a shared vocabulary), and a version that goes up with every change
/// (announced with NOTIFY). Publishing writes only the articles whose content hash changed.
/// </summary>
public sealed class PostgresIndexStore(PostgresDatabase database)
{
    private const long PublishLock = 0x4172_7469_636c_6502;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The stored index's version, 0 when nothing has been ingested yet.</summary>
    public Task<long> VersionAsync(CancellationToken cancellationToken) =>
        database.RunAsync(async (connection, token) =>
        {
            await using var command = new NpgsqlCommand("SELECT coalesce((SELECT version FROM index_state WHERE id = 1), 0)", connection);
            return (long)(await command.ExecuteScalarAsync(token))!;
        }, cancellationToken);

    /// <summary>Writes what changed in <paramref name="index"/> since the stored version; returns the new version (unchanged when nothing differed).</summary>
    public Task<long> PublishAsync(PassageIndex index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        var settings = IndexTransfer.Settings(index);
        return database.RunAsync(async (connection, token) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(token);
            await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({PublishLock})", token);
            var stored = await StoredHashesAsync(connection, token);
            var changed = index.Articles.Values.Where(a => stored.GetValueOrDefault(a.Id) != a.ContentHash).Select(a => a.Id).ToList();
            var removed = stored.Keys.Where(id => !index.Articles.ContainsKey(id)).ToList();
            var (version, storedSettings) = await StateAsync(connection, token);
            if (changed.Count == 0 && removed.Count == 0 && SameSettings(storedSettings, settings))
            {
                return version;
            }

            await using (var delete = new NpgsqlCommand("DELETE FROM index_articles WHERE id = ANY(@ids)", connection))
            {
                delete.Parameters.AddWithValue("ids", changed.Concat(removed).ToArray());
                await delete.ExecuteNonQueryAsync(token);
            }

            await WriteArticlesAsync(connection, index, IndexTransfer.Export(index, changed), token);
            await using (var order = new NpgsqlCommand("UPDATE index_articles a SET position = o.position FROM unnest(@ids) WITH ORDINALITY AS o(id, position) WHERE a.id = o.id", connection))
            {
                order.Parameters.AddWithValue("ids", index.Articles.Keys.ToArray());
                await order.ExecuteNonQueryAsync(token);
            }

            await using (var state = new NpgsqlCommand(
                """
                INSERT INTO index_state (id, version, settings) VALUES (1, 1, @settings::jsonb)
                ON CONFLICT (id) DO UPDATE SET version = index_state.version + 1, settings = excluded.settings, updated = now()
                RETURNING version
                """, connection))
            {
                state.Parameters.AddWithValue("settings", settings);
                version = (long)(await state.ExecuteScalarAsync(token))!;
            }

            await ExecuteAsync(connection, $"SELECT pg_notify('{PostgresNotifications.IndexChannel}', '{version}')", token);
            await transaction.CommitAsync(token);
            return version;
        }, cancellationToken);
    }

    /// <summary>
    /// Builds a local snapshot of the stored index in <paramref name="path"/> (no embedding), or null when nothing has
    /// been ingested yet. Reads one consistent version.
    /// </summary>
    public Task<(PassageIndex Index, long Version)?> LoadAsync(string path, CancellationToken cancellationToken) =>
        database.RunAsync<(PassageIndex, long)?>(async (connection, token) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, token);
            var (version, settings) = await StateAsync(connection, token);
            if (version == 0)
            {
                return null;
            }

            var vocabulary = await VocabularyAsync(connection, token);
            var articles = await ArticlesAsync(connection, token);
            var termCounts = new List<(int[] TermIds, ushort[] Frequencies)>();
            var passages = articles.ToDictionary(a => a.Id, _ => new List<TransferPassage>(), StringComparer.Ordinal);
            await using (var reader = await connection.BeginBinaryExportAsync(
                "COPY (SELECT p.article_id, p.ordinal, p.start_offset, p.end_offset, p.text, p.scale, p.vector, p.term_ids, p.term_counts FROM index_passages p JOIN index_articles a ON a.id = p.article_id ORDER BY a.position, p.ordinal) TO STDOUT (FORMAT BINARY)",
                token))
            {
                while (await reader.StartRowAsync(token) >= 0)
                {
                    var articleId = await reader.ReadAsync<string>(token);
                    var passage = new TransferPassage(await reader.ReadAsync<int>(token), await reader.ReadAsync<int>(token), await reader.ReadAsync<int>(token), await reader.ReadAsync<string>(token), [], 0);
                    var scale = await reader.ReadAsync<float>(token);
                    var vector = (sbyte[])(Array)await reader.ReadAsync<byte[]>(token);
                    var ids = await reader.ReadAsync<int[]>(token);
                    var counts = await reader.ReadAsync<short[]>(token);
                    passages[articleId].Add(passage with { Vector = vector, Scale = scale });
                    termCounts.Add((Array.ConvertAll(ids, id => vocabulary.Dense[id]), Array.ConvertAll(counts, c => (ushort)c)));
                }
            }

            await transaction.CommitAsync(token);
            var transfer = articles.Select(a => new TransferArticle(a, passages[a.Id])).ToList();
            return (IndexTransfer.WriteAndOpen(path, settings, transfer, new IndexTerms(vocabulary.Terms, termCounts)), version);
        }, cancellationToken);

    private static async Task WriteArticlesAsync(NpgsqlConnection connection, PassageIndex index, IReadOnlyList<TransferArticle> articles, CancellationToken cancellationToken)
    {
        var terms = articles.SelectMany(a => a.Passages).Select(p => IndexTransfer.Terms(p.Text)).ToList();
        var ids = await TermIdsAsync(connection, terms.SelectMany(t => t.Select(x => x.Term)).Distinct(StringComparer.Ordinal).ToArray(), cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY index_articles (id, position, content_hash, info) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var article in articles)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(article.Info.Id, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(article.Info.ContentHash, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(JsonSerializer.Serialize(article.Info, Json), NpgsqlDbType.Jsonb, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using var passages = await connection.BeginBinaryImportAsync(
            "COPY index_passages (article_id, ordinal, start_offset, end_offset, text, scale, vector, term_ids, term_counts) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var next = 0;
        foreach (var article in articles)
        {
            foreach (var passage in article.Passages)
            {
                var passageTerms = terms[next++];
                await passages.StartRowAsync(cancellationToken);
                await passages.WriteAsync(article.Info.Id, NpgsqlDbType.Text, cancellationToken);
                await passages.WriteAsync(passage.Ordinal, NpgsqlDbType.Integer, cancellationToken);
                await passages.WriteAsync(passage.Start, NpgsqlDbType.Integer, cancellationToken);
                await passages.WriteAsync(passage.End, NpgsqlDbType.Integer, cancellationToken);
                await passages.WriteAsync(passage.Text, NpgsqlDbType.Text, cancellationToken);
                await passages.WriteAsync(passage.Scale, NpgsqlDbType.Real, cancellationToken);
                await passages.WriteAsync((byte[])(Array)passage.Vector, NpgsqlDbType.Bytea, cancellationToken);
                await passages.WriteAsync(passageTerms.Select(t => ids[t.Term]).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer, cancellationToken);
                await passages.WriteAsync(passageTerms.Select(t => (short)Math.Min(t.Count, (ushort)short.MaxValue)).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Smallint, cancellationToken);
            }
        }

        await passages.CompleteAsync(cancellationToken);
        GC.KeepAlive(index);
    }

    private static async Task<Dictionary<string, int>> TermIdsAsync(NpgsqlConnection connection, string[] terms, CancellationToken cancellationToken)
    {
        await using (var insert = new NpgsqlCommand("INSERT INTO index_terms (term) SELECT unnest(@terms) ON CONFLICT (term) DO NOTHING", connection))
        {
            insert.Parameters.AddWithValue("terms", terms);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = new NpgsqlCommand("SELECT term, id FROM index_terms WHERE term = ANY(@terms)", connection);
        select.Parameters.AddWithValue("terms", terms);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetString(0)] = reader.GetInt32(1);
        }

        return ids;
    }

    /// <summary>The stored vocabulary renumbered densely (stored ids have gaps), with the map from stored ids.</summary>
    private static async Task<(List<string> Terms, int[] Dense)> VocabularyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var rows = new List<(int Id, string Term)>();
        await using (var reader = await connection.BeginBinaryExportAsync("COPY (SELECT id, term FROM index_terms ORDER BY id) TO STDOUT (FORMAT BINARY)", cancellationToken))
        {
            while (await reader.StartRowAsync(cancellationToken) >= 0)
            {
                rows.Add((await reader.ReadAsync<int>(cancellationToken), await reader.ReadAsync<string>(cancellationToken)));
            }
        }

        var dense = new int[rows.Count == 0 ? 1 : rows[^1].Id + 1];
        for (var i = 0; i < rows.Count; i++)
        {
            dense[rows[i].Id] = i;
        }

        return (rows.Select(r => r.Term).ToList(), dense);
    }

    private static async Task<List<ArticleInfo>> ArticlesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT info::text FROM index_articles ORDER BY position", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var articles = new List<ArticleInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(JsonSerializer.Deserialize<ArticleInfo>(reader.GetString(0), Json)!);
        }

        return articles;
    }

    private static async Task<Dictionary<string, string>> StoredHashesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT id, content_hash FROM index_articles", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            hashes[reader.GetString(0)] = reader.GetString(1);
        }

        return hashes;
    }

    private static async Task<(long Version, string Settings)> StateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, settings::text FROM index_state WHERE id = 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, "");
    }

    private static bool SameSettings(string stored, string settings) =>
        stored.Length > 0 && System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(stored), System.Text.Json.Nodes.JsonNode.Parse(settings));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
