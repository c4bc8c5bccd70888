using System.Text.Json;

namespace ArticleQa.Evaluation;

/// <summary>
/// Reads typed fields from the JSON object on one line. The first problem found is kept in <see cref="Error"/> and the
/// getters return defaults afterwards, so a mapper reads every field unconditionally and checks once at the end.
/// A field set to <c>null</c> counts as absent.
/// </summary>
internal sealed class JsonLineFields(JsonElement line)
{
    public string? Error { get; private set; }

    public void Fail(string message) => Error ??= message;

    public string? OptionalString(string name, bool allowBlank = true)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Fail($"\"{name}\" must be a string, not {Describe(value)}");
            return null;
        }

        var text = value.GetString()!;
        if (!allowBlank && string.IsNullOrWhiteSpace(text))
        {
            Fail($"\"{name}\" is empty");
        }

        return text;
    }

    public string RequiredString(string name)
    {
        if (!TryGet(name, out _))
        {
            Fail($"missing \"{name}\"");
            return "";
        }

        return OptionalString(name, allowBlank: false) ?? "";
    }

    /// <summary>An array of non-blank strings; absent means empty unless <paramref name="required"/>.</summary>
    public IReadOnlyList<string> StringArray(string name, bool required)
    {
        if (!TryGet(name, out var value))
        {
            if (required)
            {
                Fail($"missing \"{name}\"");
            }

            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail($"\"{name}\" must be an array of strings, not {Describe(value)}");
            return [];
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                Fail($"\"{name}\"[{items.Count}] must be a non-empty string, not {Describe(item)}");
                return [];
            }

            items.Add(item.GetString()!);
        }

        return items;
    }

    public bool Boolean(string name, bool defaultValue)
    {
        if (!TryGet(name, out var value))
        {
            return defaultValue;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Fail($"\"{name}\" must be true or false, not {Describe(value)}");
        return defaultValue;
    }

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? "an empty string" : "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private bool TryGet(string name, out JsonElement value) =>
        line.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
}
