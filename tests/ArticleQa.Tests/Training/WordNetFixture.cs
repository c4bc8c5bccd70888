using System.Text;
using ArticleQa.Tests.Articles;

namespace ArticleQa.Tests.Training;

/// <summary>
/// A WordNet 3.0 database in miniature, in the real files' formats (a licence header, <c>data.PART</c> lines found by
/// their byte offsets, <c>index.PART</c> lines listing them most frequent sense first, <c>PART.exc</c>).
/// </summary>
internal static class WordNetFixture
{
    private static readonly Dictionary<string, char> Parts = new(StringComparer.Ordinal) { ["noun"] = 'n', ["verb"] = 'v', ["adj"] = 'a', ["adv"] = 'r' };

    /// <summary>Writes the synsets (a lemma's concordance count is the number of its synsets in the part) (each a list of lemmas, spaces as underscores) of each part into <paramref name="folder"/>.</summary>
    public static string Write(TempFolder folder, Dictionary<string, string[][]> synsets, Dictionary<string, string>? exceptions = null)
    {
        foreach (var (part, letter) in Parts)
        {
            var data = new StringBuilder("  1 This software and database is being provided to you, the LICENSEE, by Princeton University\n");
            var offsets = new Dictionary<string, List<long>>(StringComparer.Ordinal);
            foreach (var lemmas in synsets.GetValueOrDefault(part) ?? [])
            {
                long offset = Encoding.UTF8.GetByteCount(data.ToString());
                data.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D8} 03 {letter} {lemmas.Length:x2} {string.Join(' ', lemmas.Select(l => l + " 0"))} 000 | a gloss\n");
                foreach (var lemma in lemmas)
                {
                    var key = lemma.ToLowerInvariant();
                    if (!offsets.TryGetValue(key, out var list))
                    {
                        offsets[key] = list = [];
                    }

                    list.Add(offset);
                }
            }

            folder.Write("data." + part, data.ToString());
            folder.Write("index." + part, "  1 This software and database is being provided to you, the LICENSEE, by Princeton University\n"
                + string.Concat(offsets.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {letter} {o.Value.Count} 0 {o.Value.Count} {o.Value.Count} {string.Join(' ', o.Value.Select(v => v.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)))}  \n")));
            folder.Write(part + ".exc", string.Concat((exceptions ?? []).Where(e => part == "verb").Select(e => $"{e.Key} {e.Value}\n")));
        }

        return folder.Path;
    }

    /// <summary>A few everyday synsets.</summary>
    public static string WriteEveryday(TempFolder folder) => Write(
        folder,
        new Dictionary<string, string[][]>
        {
            ["noun"] =
            [
                ["city", "metropolis", "urban_center"],
                ["city", "Big_Apple"],
                ["talk", "talking", "lecture"],
                ["envoy", "emissary", "Minister_Plenipotentiary"],
            ],
            ["verb"] =
            [
                ["host", "entertain", "play_host_to_the_whole_crowd"],
                ["withdraw", "retreat", "pull_back"],
                ["begin", "start"],
                ["be", "exist"],
            ],
            ["adj"] = [["short", "brief"], ["short", "little"]],
            ["adv"] = [["short", "suddenly"]],
        },
        new Dictionary<string, string> { ["began"] = "begin", ["were"] = "be" });
}
