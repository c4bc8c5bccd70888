using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace ArticleQa.Retrieval;

/// <summary>
/// One ONNX Runtime session of all-MiniLM-L6-v2, called directly rather than through ML.NET's ApplyOnnxModel, whose
/// fixed-shape inputs cannot batch variable-length texts without padding them all to 256. Safe for concurrent runs,
/// and for a dispose while runs are in flight: ONNX Runtime crashes the process (not an exception) when a session is
/// released under a running <c>Run</c>, as happens when a host stops while a turn is still answering.
/// </summary>
internal sealed class MiniLmSession : IDisposable
{
    private static readonly string[] _inputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] _outputNames = ["last_hidden_state"];

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly ReaderWriterLockSlim _lifetime = new();
    private readonly bool _ignoresMask;
    private bool _disposed;

    public MiniLmSession(MiniLmEmbeddingOptions options)
    {
        using var sessionOptions = CreateSessionOptions(options);
        var directory = string.IsNullOrWhiteSpace(options.ModelDirectory)
            ? Path.Combine(Path.GetTempPath(), "ArticleQa", "models")
            : options.ModelDirectory;
        // At one row a run nothing is padded, so the quantized model can leave the attention mask out.
        _ignoresMask = options.Quantize && options.BatchSize == 1;
        var model = options.Quantize ? MiniLmResources.ExtractQuantizedModel(directory, masked: !_ignoresMask) : MiniLmResources.ExtractModel(directory);
        _session = new InferenceSession(model, sessionOptions);
    }

    /// <summary>
    /// Writes one L2-normalised mean-pooled vector per row of <paramref name="rows"/> (word-piece ids with [CLS] and
    /// [SEP]) to <paramref name="destination"/>, row after row; when <paramref name="tokens"/> is given, also each
    /// row's contextual word-piece vectors before pooling (<see cref="TokenVectors"/>), at the row's index.
    /// </summary>
    public void Embed(IReadOnlyList<IReadOnlyList<int>> rows, Span<float> destination, TokenVectors[]? tokens = null)
    {
        _lifetime.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_ignoresMask && rows.Any(row => row.Count != rows[0].Count))
            {
                throw new InvalidOperationException("This session's model ignores the attention mask, so a run cannot hold padded rows.");
            }

            using var batch = new BertBatch(rows);
            using var outputs = _session.Run(_runOptions, _inputNames, batch.Values, _outputNames);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            MeanPool(hidden, batch.Length, rows, destination);
            if (tokens is not null)
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    tokens[r] = TokenVectors.FromHiddenStates(rows[r], hidden.Slice(r * batch.Length * MiniLmResources.Dimensions, rows[r].Count * MiniLmResources.Dimensions));
                }
            }
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    public void Dispose()
    {
        // Waits for the runs in flight; later ones see _disposed.
        _lifetime.EnterWriteLock();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _session.Dispose();
            _runOptions.Dispose();
        }
        finally
        {
            _lifetime.ExitWriteLock();
        }
    }

    private static void MeanPool(ReadOnlySpan<float> hidden, int paddedLength, IReadOnlyList<IReadOnlyList<int>> rows, Span<float> destination)
    {
        const int width = MiniLmResources.Dimensions;
        for (var r = 0; r < rows.Count; r++)
        {
            var vector = destination.Slice(r * width, width);
            vector.Clear();

            // Padding positions are never read, so the masked mean is a plain sum over the row's own tokens; the
            // division by the token count disappears in the normalisation.
            var tokens = hidden.Slice(r * paddedLength * width, rows[r].Count * width);
            for (var t = 0; t < rows[r].Count; t++)
            {
                TensorPrimitives.Add(vector, tokens.Slice(t * width, width), vector);
            }

            TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        }
    }

    private static SessionOptions CreateSessionOptions(MiniLmEmbeddingOptions options)
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpThreads > 0 ? options.IntraOpThreads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
        };
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
        return sessionOptions;
    }
}
