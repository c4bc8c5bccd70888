using ArticleQa.Text;

namespace ArticleQa.Training;

/// <summary>
/// Synonyms from a WordNet 3.0 database folder (Princeton's files: <c>index.noun</c>, <c>data.noun</c>, ... and the
/// <c>*.exc</c> inflection lists; Debian's <c>wordnet-base</c> installs them in <c>/usr/share/wordnet</c>): the other
/// single-word or two-word lemmas of a word's most frequent sense in its most used part of speech, found from an
/// inflected form by WordNet's own exception lists and suffix rules. Lemmas with the word's stem or a capital are left
/// out. Thread-compatible (one reader at a time).
/// </summary>
internal sealed class WordNetSynonyms : IDisposable
{
    private const int Senses = 1;

    private static readonly string[] Parts = ["noun", "verb", "adj", "adv"];

    // Verbs that ask rather than say ("were" is "be", whose synonyms "equal" or "exist" change the question).
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal) { "be", "have", "do" };

    // WordNet's morphological detachment rules (morphy), per part of speech: suffix, replacement.
    private static readonly Dictionary<string, (string Suffix, string Ending)[]> Rules = new(StringComparer.Ordinal)
    {
        ["noun"] = [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")],
        ["verb"] = [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
        ["adj"] = [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
        ["adv"] = [],
    };

    private readonly Dictionary<string, Dictionary<string, IndexEntry>> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _exceptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileStream> _data = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _cache = new(StringComparer.Ordinal);

    private WordNetSynonyms(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    /// <summary>Reads the index and exception files of <paramref name="folder"/>; a missing or malformed file is an <see cref="InvalidDataException"/> naming it.</summary>
    public static WordNetSynonyms Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var synonyms = new WordNetSynonyms(folder);
        try
        {
            foreach (var part in Parts)
            {
                synonyms._index[part] = ReadIndex(Required(folder, "index." + part));
                synonyms._exceptions[part] = ReadExceptions(Path.Combine(folder, part + ".exc"));
                synonyms._data[part] = File.OpenRead(Required(folder, "data." + part));
            }
        }
        catch
        {
            synonyms.Dispose();
            throw;
        }

        return synonyms;
    }

    /// <summary>The files the synonyms come from (the example cache's key includes their contents).</summary>
    public IEnumerable<string> Files => Parts.SelectMany(p => new[] { "index." + p, "data." + p, p + ".exc" })
        .Select(f => Path.Combine(Folder, f)).Where(File.Exists);

    /// <summary>The synonyms of <paramref name="word"/> (lower case, any inflection), most frequent sense first; empty when WordNet has none.</summary>
    public IReadOnlyList<string> Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        word = word.ToLowerInvariant();
        if (_cache.TryGetValue(word, out var known))
        {
            return known;
        }

        var result = new List<string>();

        // Without a tagger, the word is taken as its most used part of speech (the most senses tagged in WordNet's
        // concordance; "short" is an adjective more than the adverb whose synonym is "suddenly"), in its most frequent sense.
        var found = Parts.SelectMany(part => BaseForms(word, part).Where(_index[part].ContainsKey).Take(1).Select(form => (Part: part, Form: form, Entry: _index[part][form])))
            .OrderByDescending(f => f.Entry.Tagged)
            .Take(1)
            .ToList();
        foreach (var (part, form, entry) in found.Where(f => !Auxiliaries.Contains(f.Form)))
        {
            // The word's own stems: "began" is "begin", and "talking" is "talk", not synonyms of them.
            var stems = new[] { word, form }.SelectMany(TermAnalyzer.Analyze).ToHashSet(StringComparer.Ordinal);
            foreach (var offset in entry.Offsets.Take(Senses))
            {
                foreach (var lemma in Lemmas(part, offset))
                {
                    var words = lemma.Split(' ');
                    if (words.Length <= 2 && lemma.All(c => char.IsLower(c) || c == ' ') && !result.Contains(lemma)
                        && !TermAnalyzer.Analyze(lemma).Any(stems.Contains))
                    {
                        result.Add(lemma);
                    }
                }
            }
        }

        _cache[word] = result;
        return result;
    }

    public void Dispose()
    {
        foreach (var stream in _data.Values)
        {
            stream.Dispose();
        }
    }

    /// <summary>The word itself, its exception-list base forms, and what the suffix rules make of it.</summary>
    private IEnumerable<string> BaseForms(string word, string part)
    {
        yield return word;
        if (_exceptions[part].TryGetValue(word, out var exception))
        {
            yield return exception;
        }

        foreach (var (suffix, ending) in Rules[part])
        {
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                yield return word[..^suffix.Length] + ending;
            }
        }
    }

    /// <summary>The lemmas of the synset at <paramref name="offset"/> in <c>data.PART</c> (underscores as spaces, adjective markers dropped).</summary>
    private IReadOnlyList<string> Lemmas(string part, long offset) =>
        WordNetSynset.ReadAt(_data[part], offset, Path.Combine(Folder, "data." + part)).Words;

    private static string Required(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path)
            ? path
            : throw new InvalidDataException($"{path}: WordNet file not found (a WordNet 3.0 database folder holds index.noun, data.noun and the rest; Debian's wordnet-base installs one in /usr/share/wordnet).");
    }

    /// <summary>lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset [synset_offset...]</summary>
    private static Dictionary<string, IndexEntry> ReadIndex(string path)
    {
        var index = new Dictionary<string, IndexEntry>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == ' ')
            {
                continue; // the licence header
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || !int.TryParse(fields[2], out var synsets) || !int.TryParse(fields[3], out var pointers) || fields.Length < 6 + pointers + synsets
                || !int.TryParse(fields[5 + pointers], out var tagged))
            {
                throw new InvalidDataException($"{path}: malformed index line '{line[..Math.Min(line.Length, 80)]}'.");
            }

            index[fields[0].Replace('_', ' ')] = new IndexEntry([.. fields.Skip(6 + pointers).Take(synsets).Select(long.Parse)], tagged);
        }

        return index;
    }

    private static Dictionary<string, string> ReadExceptions(string path)
    {
        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var fields in File.ReadLines(path).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length >= 2))
            {
                exceptions.TryAdd(fields[0], fields[1]);
            }
        }

        return exceptions;
    }

    /// <summary>A lemma's synsets in one part of speech, most frequent first, and how many of its senses the concordance tagged.</summary>
    private sealed record IndexEntry(long[] Offsets, int Tagged);
}
