using System.Globalization;
using System.Text;

namespace ArticleQa.Training;

/// <summary>A pointer of a WordNet synset: its symbol ("\\" pertainym, "%p" part meronym ...), target and word numbers (0: the whole synset).</summary>
internal sealed record WordNetPointer(string Symbol, long Offset, string Part, int Source, int Target);

/// <summary>
/// One line of a WordNet 3.0 <c>data.PART</c> file: <c>synset_offset lex_filenum ss_type w_cnt word lex_id [word
/// lex_id...] p_cnt [ptr...] ... | gloss</c>, its lemmas with underscores as spaces and adjective markers dropped.
/// </summary>
internal sealed record WordNetSynset(IReadOnlyList<string> Words, IReadOnlyList<WordNetPointer> Pointers)
{
    /// <summary>The synset at byte <paramref name="offset"/> of <paramref name="stream"/>; an <see cref="InvalidDataException"/> naming <paramref name="path"/> when there is none.</summary>
    public static WordNetSynset ReadAt(FileStream stream, long offset, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Seek(offset, SeekOrigin.Begin);
        var line = new StringBuilder();
        int b;
        while ((b = stream.ReadByte()) is not -1 and not '\n')
        {
            line.Append((char)b);
        }

        var text = line.ToString();
        var first = text.Split(' ', 2)[0];
        return long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at == offset
            ? Parse(text, path)
            : throw new InvalidDataException($"{path}: no synset at byte {offset}.");
    }

    /// <summary>The synset of one data line; an <see cref="InvalidDataException"/> naming <paramref name="path"/> when it is malformed.</summary>
    public static WordNetSynset Parse(string line, string path)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Split('|')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            var count = Convert.ToInt32(fields[3], 16);
            var words = Enumerable.Range(0, count)
                .Select(i => fields[4 + (2 * i)])
                .Select(w => (w.IndexOf('(', StringComparison.Ordinal) is var p and >= 0 ? w[..p] : w).Replace('_', ' '))
                .ToList();
            var at = 4 + (2 * count);
            var pointers = Enumerable.Range(0, int.Parse(fields[at], CultureInfo.InvariantCulture))
                .Select(i => fields.AsSpan(at + 1 + (4 * i), 4).ToArray())
                .Select(p => new WordNetPointer(p[0], long.Parse(p[1], CultureInfo.InvariantCulture), p[2], Convert.ToInt32(p[3][..2], 16), Convert.ToInt32(p[3][2..], 16)))
                .ToList();
            return new WordNetSynset(words, pointers);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"{path}: malformed synset line '{line[..Math.Min(line.Length, 80)]}'.", e);
        }
    }
}
