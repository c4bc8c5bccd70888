using ArticleBot.Bot;
using Npgsql;

namespace ArticleBot.Storage.Postgres;

/// <summary>Feedback in table <c>feedback</c>, one row per reaction, shared by every instance; never rewritten.</summary>
public sealed class PostgresFeedbackStore(PostgresDatabase database, ILogger<PostgresFeedbackStore> logger) : IFeedbackStore
{
    public string Location => $"table feedback in {database.MaskedConnectionString}";

    public async Task AppendAsync(FeedbackEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await database.RunAsync(async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO feedback (time, channel, reaction, comment, answer_id, question, answer, cited_passage_ids, prompt_hash)
                VALUES (@time, @channel, @reaction, @comment, @answer_id, @question, @answer, @cited, @prompt_hash)
                """,
                connection);
            command.Parameters.AddWithValue("time", entry.Time);
            command.Parameters.AddWithValue("channel", entry.Channel);
            command.Parameters.AddWithValue("reaction", entry.Reaction);
            command.Parameters.AddWithValue("comment", (object?)entry.Comment ?? DBNull.Value);
            command.Parameters.AddWithValue("answer_id", entry.AnswerId);
            command.Parameters.AddWithValue("question", (object?)entry.Question ?? DBNull.Value);
            command.Parameters.AddWithValue("answer", (object?)entry.Answer ?? DBNull.Value);
            command.Parameters.AddWithValue("cited", entry.CitedPassageIds.ToArray());
            command.Parameters.AddWithValue("prompt_hash", (object?)entry.PromptHash ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);
        logger.LogInformation("Stored {Reaction} feedback on answer {AnswerId}", entry.Reaction, entry.AnswerId);
    }

    public Task<IReadOnlyList<FeedbackEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<FeedbackEntry>>(async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT time, channel, reaction, comment, answer_id, question, answer, cited_passage_ids, prompt_hash FROM feedback ORDER BY id", connection);
            await using var reader = await command.ExecuteReaderAsync(token);
            var entries = new List<FeedbackEntry>();
            while (await reader.ReadAsync(token))
            {
                entries.Add(new FeedbackEntry(
                    reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), reader.GetString(4),
                    Text(reader, 5), Text(reader, 6), reader.GetFieldValue<string[]>(7), Text(reader, 8)));
            }

            return entries;
        }, cancellationToken);

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
