using System.Text;
using System.Text.RegularExpressions;

namespace ArticleQa.Articles;

/// <summary>
/// The encoding an HTML page declares for itself, found the way browsers prescan (the HTML standard's "prescan a byte
/// stream to determine its encoding", simplified): a <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv=
/// "Content-Type" content="...; charset=..."&gt;</c> in the first 1024 bytes. Labels map as browsers map them: ASCII
/// and Latin-1 labels mean windows-1252.
/// </summary>
internal static partial class HtmlCharset
{
    private const int PrescanBytes = 1024;

    static HtmlCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The declared encoding (throwing on invalid bytes where it can), or null when the page declares none.</summary>
    public static Encoding? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        var label = MetaCharset().Match(head) is { Success: true } match ? match.Groups["label"].Value.Trim().ToLowerInvariant() : null;
        return label is null ? null : FromLabel(label);
    }

    private static Encoding FromLabel(string label)
    {
        var name = label switch
        {
            "utf8" or "unicode-1-1-utf-8" => "utf-8",
            "us-ascii" or "ascii" or "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "cp1252" or "x-cp1252" => "windows-1252",
            _ => label,
        };
        try
        {
            return name == "utf-8"
                ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
                : Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"the page declares charset '{label}', which is not a known encoding", e);
        }
    }

    [GeneratedRegex("""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*(?<label>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
