using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArticleQa.Articles;
using ArticleQa.Text;

namespace ArticleQa.Retrieval;

/// <summary>
/// The on-disk index: one binary file (magic, format version, JSON manifest, passage table, int8 vectors with scales,
/// BM25 term counts, passage texts in UTF-8) ending in a SHA-256 of everything before it, so truncation or corruption is
/// detected. Written aside and renamed over the old file, so a crash mid-write leaves the previous index usable.
/// Passage texts stay on disk and are read on demand.
/// </summary>
internal static class IndexFile
{
    private static readonly byte[] Magic = "AQIX"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Write(string path, IndexManifest manifest, IReadOnlyList<IndexedArticle> articles)
    {
        var temporary = WriteTemporary(path, manifest, articles);
        Commit(temporary, path);
    }

    /// <summary>Writes the new index next to <paramref name="path"/> and returns the temporary file's path.</summary>
    internal static string WriteTemporary(string path, IndexManifest manifest, IReadOnlyList<IndexedArticle> articles)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // A unique name: two processes syncing the same index never write into each other's file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
            {
                WriteBody(writer, manifest, articles);
            }

            file.Position = 0;
            var hash = SHA256.HashData(file);
            file.Write(hash);
            file.Flush(flushToDisk: true);
        }

        return temporary;
    }

    internal static void Commit(string temporary, string path) => File.Move(temporary, path, overwrite: true);

    private static void WriteBody(BinaryWriter writer, IndexManifest manifest, IReadOnlyList<IndexedArticle> articles)
    {
        var passages = articles.SelectMany((a, i) => a.Passages.Select(p => (ArticleIndex: i, p.Passage, p.Vector, p.Scale))).ToList();
        var texts = passages.Select(p => Encoding.UTF8.GetBytes(p.Passage.Text)).ToList();
        writer.Write(Magic);
        writer.Write(IndexManifest.CurrentFormatVersion);
        writer.Write(JsonSerializer.Serialize(manifest, Json));
        writer.Write(passages.Count);
        for (var i = 0; i < passages.Count; i++)
        {
            var (articleIndex, passage, _, _) = passages[i];
            writer.Write(articleIndex);
            writer.Write(passage.Ordinal);
            writer.Write(passage.Start);
            writer.Write(passage.End);
            writer.Write(texts[i].Length);
        }

        foreach (var (_, _, vector, scale) in passages)
        {
            writer.Write(scale);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
        }

        WriteTerms(writer, passages.Select(p => p.Passage.Text).ToList());
        writer.Write(texts.Sum(t => (long)t.Length));
        texts.ForEach(writer.Write);
    }

    private static void WriteTerms(BinaryWriter writer, IReadOnlyList<string> texts)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var counted = texts.AsParallel().AsOrdered().Select(TermAnalyzer.Analyze).ToList()
            .Select(terms => terms.GroupBy(t => t, StringComparer.Ordinal)
                .Select(g => (Id: vocabulary.TryGetValue(g.Key, out var id) ? id : vocabulary[g.Key] = vocabulary.Count, Count: Math.Min(g.Count(), ushort.MaxValue)))
                .OrderBy(t => t.Id)
                .ToList())
            .ToList();
        writer.Write(vocabulary.Count);
        foreach (var term in vocabulary.OrderBy(t => t.Value))
        {
            writer.Write(term.Key);
        }

        foreach (var terms in counted)
        {
            writer.Write(terms.Count);
            foreach (var (id, count) in terms)
            {
                writer.Write(id);
                writer.Write((ushort)count);
            }
        }
    }

    /// <summary>Reads an index file; throws <see cref="InvalidDataException"/> naming the file when it is corrupt.</summary>
    public static PassageIndex Read(string path)
    {
        try
        {
            VerifyChecksum(path);
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            using var reader = new BinaryReader(file, Encoding.UTF8);
            return ReadBody(path, reader, file);
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or ArgumentException or OverflowException or IndexOutOfRangeException or InvalidDataException)
        {
            throw new InvalidDataException($"Index file '{path}' is corrupt: {e.Message}", e);
        }
    }

    private static void VerifyChecksum(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        if (file.Length < Magic.Length + 32)
        {
            throw new InvalidDataException("the file is truncated");
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        var remaining = file.Length - 32;
        while (remaining > 0)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
            sha.AppendData(buffer, 0, read);
            remaining -= read;
        }

        var stored = new byte[32];
        file.ReadExactly(stored);
        if (!sha.GetHashAndReset().AsSpan().SequenceEqual(stored))
        {
            throw new InvalidDataException("checksum mismatch");
        }
    }

    private static PassageIndex ReadBody(string path, BinaryReader reader, FileStream file)
    {
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("not an index file");
        }

        var version = reader.ReadInt32();
        var manifest = JsonSerializer.Deserialize<IndexManifest>(reader.ReadString(), Json) ?? throw new InvalidDataException("no manifest");
        if (version != manifest.FormatVersion)
        {
            throw new InvalidDataException($"format version {version} does not match its manifest");
        }

        var count = reader.ReadInt32();
        var lengths = new int[count];
        var entries = new PassageEntry[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = new PassageEntry(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), 0, 0);
            lengths[i] = reader.ReadInt32();
        }

        var scales = new float[count];
        var values = new sbyte[count * manifest.Dimensions];
        for (var i = 0; i < count; i++)
        {
            scales[i] = reader.ReadSingle();
            file.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan(i * manifest.Dimensions, manifest.Dimensions)));
        }

        var bm25 = ReadTerms(reader, count);
        var textBytes = reader.ReadInt64();
        var offset = file.Position;
        for (var i = 0; i < count; i++)
        {
            entries[i] = entries[i] with { TextOffset = offset, TextLength = lengths[i] };
            offset += lengths[i];
        }

        if (offset != file.Position + textBytes || offset != file.Length - 32)
        {
            throw new InvalidDataException("passage texts do not add up");
        }

        return new PassageIndex(manifest, entries, new QuantizedVectors(manifest.Dimensions, values, scales), bm25, path);
    }

    private static Bm25Index ReadTerms(BinaryReader reader, int passageCount)
    {
        var vocabulary = new string[reader.ReadInt32()];
        for (var i = 0; i < vocabulary.Length; i++)
        {
            vocabulary[i] = reader.ReadString();
        }

        var counts = new TermCounts[passageCount];
        for (var p = 0; p < passageCount; p++)
        {
            var n = reader.ReadInt32();
            var ids = new int[n];
            var frequencies = new ushort[n];
            for (var i = 0; i < n; i++)
            {
                ids[i] = reader.ReadInt32();
                frequencies[i] = reader.ReadUInt16();
            }

            counts[p] = new TermCounts(ids, frequencies);
        }

        return new Bm25Index(vocabulary, counts);
    }
}
