using Microsoft.Extensions.AI;

namespace ArticleQa.Retrieval;

/// <summary>
/// Local sentence embeddings with all-MiniLM-L6-v2 (384 dimensions, L2-normalised mean pooling) on ONNX Runtime,
/// called directly (ML.NET's ApplyOnnxModel takes fixed-shape inputs). Texts are cut to the model's
/// 256 word-pieces and run in length-sorted batches, several at once; results keep the input order. The model loads
/// on first use. Safe for concurrent callers: the runs of multi-text calls share <see
/// cref="MiniLmEmbeddingOptions.ConcurrentBatches"/> slots, so memory stays bounded, while single texts (questions)
/// run at once.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>
    /// Texts kept with their vector and word-pieces (about 15 KB each), at most: the questions of the turns in flight
    /// and the sentences of their passages, which the passage ranker encodes and the Local model reads again. They are
    /// kept in two generations of half as many: when the new one is full it becomes the old one, and a text found in
    /// the old one moves back to the new, so the texts in use stay and the others go.
    /// </summary>
    public const int KeptEncodings = 20_000;

    private readonly MiniLmEmbeddingOptions _options;
    private readonly Lazy<MiniLmSession> _session;
    private readonly int _concurrentBatches;
    private readonly SemaphoreSlim _batchTurn;
    private readonly Lock _keeping = new();
    private Dictionary<string, (float[] Vector, TokenVectors Tokens)> _kept = new(StringComparer.Ordinal);
    private Dictionary<string, (float[] Vector, TokenVectors Tokens)> _keptBefore = new(StringComparer.Ordinal);
    private bool _disposed;

    public MiniLmEmbeddingGenerator()
        : this(new MiniLmEmbeddingOptions())
    {
    }

    public MiniLmEmbeddingGenerator(MiniLmEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.IntraOpThreads, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ConcurrentBatches, nameof(options));
        _options = options;
        _concurrentBatches = options.ConcurrentBatches > 0 ? options.ConcurrentBatches : Environment.ProcessorCount;
        _batchTurn = new SemaphoreSlim(_concurrentBatches, _concurrentBatches);
        _session = new Lazy<MiniLmSession>(() => new MiniLmSession(options), LazyThreadSafetyMode.ExecutionAndPublication);

        // The quantized model's vectors differ slightly, so it is another model to the index (switching rebuilds it).
        Metadata = new("onnxruntime", defaultModelId: options.Quantize ? MiniLmResources.ModelId + "-int8" : MiniLmResources.ModelId, defaultModelDimensions: MiniLmResources.Dimensions);
    }

    /// <summary>Provider "onnxruntime", model "all-MiniLM-L6-v2" (with "-int8" when quantized), 384 dimensions.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Embeds <paramref name="values"/>, in order. A blank text is an <see cref="ArgumentException"/>.</summary>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ThrowIfUnsupported(options);
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var rows = Tokenize(texts, nameof(values));
        var vectors = new float[rows.Length * MiniLmResources.Dimensions];
        await EmbedInBatchesAsync(rows, vectors, rows.Length == 1 ? new TokenVectors[1] : null, texts, cancellationToken);

        var created = DateTimeOffset.UtcNow;
        var embeddings = Enumerable.Range(0, rows.Length).Select(i => new Embedding<float>(Row(vectors, i))
        {
            ModelId = MiniLmResources.ModelId,
            CreatedAt = created,
        });
        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = new UsageDetails { InputTokenCount = rows.Sum(row => (long)row.Count) },
        };
    }

    /// <summary>
    /// Each text's pooled vector (as <see cref="GenerateAsync"/> gives it) and its content word-pieces' contextual
    /// vectors (<see cref="TokenVectors"/>), from the same model runs. The last <see cref="KeptEncodings"/> texts
    /// encoded (here, or embedded alone by <see cref="GenerateAsync"/>: a question, by retrieval) are not run again;
    /// the arrays returned are shared, so callers must not change them.
    /// </summary>
    public async Task<IReadOnlyList<(float[] Vector, TokenVectors Tokens)>> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new (float[] Vector, TokenVectors Tokens)[texts.Count];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is { } text && TryGetKept(text, out var known))
            {
                result[i] = known;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        var missingTexts = missing.Select(i => texts[i]).ToList();
        var rows = Tokenize(missingTexts, nameof(texts));
        var vectors = new float[rows.Length * MiniLmResources.Dimensions];
        var tokens = new TokenVectors[rows.Length];
        await EmbedInBatchesAsync(rows, vectors, tokens, missingTexts, cancellationToken);
        for (var m = 0; m < missing.Count; m++)
        {
            result[missing[m]] = (Row(vectors, m).ToArray(), tokens[m]);
            Keep(missingTexts[m], result[missing[m]]);
        }

        return result;
    }

    /// <summary>Forgets the kept encodings (the benchmark measures questions whose passages are new).</summary>
    public void ForgetEncodings()
    {
        lock (_keeping)
        {
            _kept.Clear();
            _keptBefore.Clear();
        }
    }

    /// <summary>
    /// Embeds one text synchronously, without waiting for batches of other callers: the path for questions.
    /// </summary>
    public float[] Embed(string text)
    {
        var rows = Tokenize([text], nameof(text));
        var vector = new float[MiniLmResources.Dimensions];
        Session.Embed(rows, vector);
        return vector;
    }

    /// <summary>Word-pieces the model sees for <paramref name="text"/>: [CLS] and [SEP] included, at most 256.</summary>
    public static int CountWordPieces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Tokenize(text).Count;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_session.IsValueCreated)
        {
            _session.Value.Dispose();
        }

        _batchTurn.Dispose();
    }

    private MiniLmSession Session
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _session.Value;
        }
    }

    private async Task EmbedInBatchesAsync(IReadOnlyList<int>[] rows, float[] vectors, TokenVectors[]? tokens, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (rows.Length == 1)
        {
            // A text alone is usually a question: its word-pieces are kept for a while for the Local model's
            // alignment, which asks for them right after retrieval embedded the question.
            Session.Embed(rows, vectors, tokens);
            if (tokens is not null)
            {
                Keep(texts[0], (vectors.ToArray(), tokens[0]));
            }

            return;
        }

        // Sorting by length keeps padding, and so wasted work, to a few word-pieces per batch; longest first, so that
        // the concurrent runs finish together.
        var order = Enumerable.Range(0, rows.Length).OrderByDescending(i => rows[i].Count).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _concurrentBatches, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(order.Chunk(_options.BatchSize), parallel, async (batch, token) =>
        {
            var batchVectors = new float[batch.Length * MiniLmResources.Dimensions];
            var batchTokens = tokens is null ? null : new TokenVectors[batch.Length];
            await _batchTurn.WaitAsync(token);
            try
            {
                Session.Embed(batch.Select(i => rows[i]).ToList(), batchVectors, batchTokens);
            }
            finally
            {
                _batchTurn.Release();
            }

            for (var b = 0; b < batch.Length; b++)
            {
                Row(batchVectors, b).Span.CopyTo(Row(vectors, batch[b]).Span);
                if (batchTokens is not null)
                {
                    tokens![batch[b]] = batchTokens[b];
                }
            }
        });
    }

    private bool TryGetKept(string text, out (float[] Vector, TokenVectors Tokens) encoded)
    {
        lock (_keeping)
        {
            if (_kept.TryGetValue(text, out encoded))
            {
                return true;
            }

            if (!_keptBefore.Remove(text, out encoded))
            {
                return false;
            }

            KeepLocked(text, encoded);
            return true;
        }
    }

    private void Keep(string text, (float[] Vector, TokenVectors Tokens) encoded)
    {
        lock (_keeping)
        {
            KeepLocked(text, encoded);
        }
    }

    private void KeepLocked(string text, (float[] Vector, TokenVectors Tokens) encoded)
    {
        if (_kept.Count >= KeptEncodings / 2)
        {
            (_keptBefore, _kept) = (_kept, _keptBefore);
            _kept.Clear();
        }

        _kept[text] = encoded;
    }

    private static IReadOnlyList<int>[] Tokenize(IReadOnlyList<string> texts, string parameterName)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                throw new ArgumentException($"Text {i} is null, empty or white space; there is nothing to embed.", parameterName);
            }
        }

        // Tokenising takes about 0.4 ms a passage, a few percent of a model run: on all cores, not ahead of them.
        var rows = new IReadOnlyList<int>[texts.Count];
        if (texts.Count == 1)
        {
            rows[0] = Tokenize(texts[0]);
        }
        else
        {
            Parallel.For(0, texts.Count, i => rows[i] = Tokenize(texts[i]));
        }

        return rows;
    }

    private static IReadOnlyList<int> Tokenize(string text) =>
        MiniLmResources.Tokenizer.EncodeToIds(text, MiniLmResources.MaxWordPieces, addSpecialTokens: true, out _, out _);

    private static void ThrowIfUnsupported(EmbeddingGenerationOptions? options)
    {
        if (options?.Dimensions is int dimensions && dimensions != MiniLmResources.Dimensions)
        {
            throw new NotSupportedException($"{MiniLmResources.ModelId} produces {MiniLmResources.Dimensions} dimensions, not {dimensions}.");
        }
    }

    private static Memory<float> Row(float[] vectors, int index) =>
        vectors.AsMemory(index * MiniLmResources.Dimensions, MiniLmResources.Dimensions);
}
