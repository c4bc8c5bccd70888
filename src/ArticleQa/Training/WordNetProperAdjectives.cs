using System.Text;

namespace ArticleQa.Training;

/// <summary>
/// Makes the table <see cref="Text.ProperAdjectives"/> ships (<c>Text/proper-adjectives.txt</c>) from a WordNet 3.0
/// database folder: every capitalised adjective with a pertainym pointer to a capitalised noun ("American" to
/// "America", "Swiss" to "Switzerland", "Parisian" to "Paris"), with the capitalised lemmas of that noun's synset
/// ("America", "United States", "US", "U.S.A." ...) and of the synsets WordNet lists as its parts (part meronyms:
/// "Geneva", "Zurich" and "Bern" of "Switzerland"), so that "a Swiss city" is there in a text that names Geneva.
/// A test makes it again from <c>/usr/share/wordnet</c> and compares.
/// </summary>
internal static class WordNetProperAdjectives
{
    /// <summary>The table's lines: adjective, a tab, its names joined by '|', sorted ordinally.</summary>
    public static IReadOnlyList<string> Lines(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var adjectives = Path.Combine(folder, "data.adj");
        var nouns = Path.Combine(folder, "data.noun");
        foreach (var path in new[] { adjectives, nouns })
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{path}: WordNet file not found (Debian's wordnet-base installs a WordNet 3.0 database in /usr/share/wordnet).");
            }
        }

        var names = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        using var nounData = File.OpenRead(nouns);
        foreach (var line in File.ReadLines(adjectives, Encoding.Latin1).Where(l => l.Length > 0 && l[0] != ' '))
        {
            var synset = WordNetSynset.Parse(line, adjectives);
            foreach (var pointer in synset.Pointers.Where(p => p.Symbol == "\\" && p.Part == "n" && p.Source > 0))
            {
                var adjective = synset.Words[pointer.Source - 1];
                var noun = WordNetSynset.ReadAt(nounData, pointer.Offset, nouns);
                var target = pointer.Target > 0 ? noun.Words[pointer.Target - 1] : noun.Words[0];
                if (!char.IsUpper(adjective[0]) || !char.IsUpper(target[0]))
                {
                    continue;
                }

                if (!names.TryGetValue(adjective, out var set))
                {
                    names[adjective] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(noun.Words.Where(w => char.IsUpper(w[0]) && w != adjective));

                // Its parts, one level down ("Geneva" of "Switzerland"), without abbreviations ("AK" of the US).
                foreach (var part in noun.Pointers.Where(p => p.Symbol == "%p" && p.Part == "n"))
                {
                    set.UnionWith(WordNetSynset.ReadAt(nounData, part.Offset, nouns).Words
                        .Where(w => char.IsUpper(w[0]) && !w.All(c => char.IsUpper(c) || c == '.') && w != adjective));
                }
            }
        }

        return [.. names.Where(n => n.Value.Count > 0).Select(n => n.Key + "\t" + string.Join('|', n.Value))];
    }
}
