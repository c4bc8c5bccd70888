using System.Text;

namespace ArticleQa.Articles;

/// <summary>
/// Decodes the bytes of a text article: UTF-8 (with or without a byte order mark), UTF-16/UTF-32 with a byte order
/// mark, or the encoding the content declares (an HTML page's charset). Anything else, and text that looks like binary
/// data, is rejected with an <see cref="InvalidDataException"/>.
/// </summary>
internal static class TextFileDecoder
{
    // A stray control character (a DOS end-of-file mark, say) is tolerated; text made of them is not text.
    private const double MaxControlCharacterShare = 0.01;

    public static string Decode(byte[] bytes) => Decode(bytes, declared: null);

    /// <summary>
    /// Decodes with the encoding the content itself <paramref name="declared"/> (an HTML page's charset) when the bytes
    /// carry no byte order mark; a byte order mark wins, as in browsers.
    /// </summary>
    public static string Decode(byte[] bytes, Encoding? declared)
    {
        var (encoding, bomLength, name) = DetectEncoding(bytes);
        if (bomLength == 0 && declared is not null)
        {
            (encoding, name) = (declared, declared.WebName);
        }

        string text;
        try
        {
            text = encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
        }
        catch (DecoderFallbackException e) when (encoding is UTF8Encoding)
        {
            var bad = e.BytesUnknown is { Length: > 0 } unknown ? $"0x{unknown[0]:X2}" : "byte";
            throw new InvalidDataException($"not valid UTF-8 text (invalid {bad} at byte {bomLength + e.Index})", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"not valid {name} text", e);
        }

        RejectBinary(text);
        return text;
    }

    private static (Encoding Encoding, int BomLength, string Name) DetectEncoding(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false, true), 3, "UTF-8"),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4, "UTF-32"),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4, "UTF-32"),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2, "UTF-16"),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2, "UTF-16"),
        _ => (new UTF8Encoding(false, true), 0, "UTF-8"),
    };

    private static void RejectBinary(string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidDataException("binary data, not text (contains NUL bytes)");
        }

        var controls = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        if (controls > text.Length * MaxControlCharacterShare)
        {
            throw new InvalidDataException("binary data, not text (contains control characters)");
        }
    }
}
