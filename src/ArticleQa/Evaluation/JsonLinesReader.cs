using System.Text.Json;

namespace ArticleQa.Evaluation;

/// <summary>
/// Reads a JSON-lines file line by line: blank lines are ignored, and a line that is not a usable object becomes a
/// <see cref="QuestionFileError"/> naming the file and line while the other lines are still read.
/// </summary>
internal static class JsonLinesReader
{
    public static async Task<(IReadOnlyList<T> Items, IReadOnlyList<QuestionFileError> Errors)> ReadAsync<T>(
        string path,
        Func<JsonLineFields, int, T> map,
        Func<T, string> idOf,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Evaluation file '{path}' does not exist.", path);
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        var items = new List<T>();
        var errors = new List<QuestionFileError>();
        var lineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < lines.Length; index++)
        {
            if (string.IsNullOrWhiteSpace(lines[index]))
            {
                continue;
            }

            var lineNumber = index + 1;
            var (item, error) = ParseLine(lines[index], lineNumber, map);
            if (item is not null && !lineOfId.TryAdd(idOf(item), lineNumber))
            {
                error = $"duplicate id '{idOf(item)}' (first used on line {lineOfId[idOf(item)]})";
            }

            if (error is null)
            {
                items.Add(item!);
            }
            else
            {
                errors.Add(new QuestionFileError(path, lineNumber, error));
            }
        }

        return (items, errors);
    }

    private static (T? Item, string? Error) ParseLine<T>(string text, int lineNumber, Func<JsonLineFields, int, T> map)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return (default, $"not valid JSON: {WithoutPosition(e.Message)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (default, $"expected a JSON object, not {JsonLineFields.Describe(document.RootElement)}");
            }

            var fields = new JsonLineFields(document.RootElement);
            var item = map(fields, lineNumber);
            return fields.Error is null ? (item, null) : (default, fields.Error);
        }
    }

    // System.Text.Json appends "LineNumber: 0 | BytePositionInLine: n." which would contradict the file's line number.
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
