using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace ArticleQa.Retrieval;

/// <summary>
/// The padded BERT inputs of one model run: word-piece ids, attention mask and token types, shaped
/// [rows, longest row]. The buffers are rented from the shared pool and pinned by the ONNX values until disposal.
/// </summary>
internal sealed class BertBatch : IDisposable
{
    private readonly long[] _inputIds;
    private readonly long[] _attentionMask;
    private readonly long[] _tokenTypeIds;
    private readonly OrtValue[] _values;

    public BertBatch(IReadOnlyList<IReadOnlyList<int>> rows)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rows.Count);
        RowCount = rows.Count;
        Length = rows.Max(row => row.Count);
        var size = RowCount * Length;
        _inputIds = ArrayPool<long>.Shared.Rent(size);
        _attentionMask = ArrayPool<long>.Shared.Rent(size);
        _tokenTypeIds = ArrayPool<long>.Shared.Rent(size);

        // Single-segment input: token types stay 0, and padding has id 0 ([PAD]) and mask 0.
        Array.Clear(_inputIds, 0, size);
        Array.Clear(_attentionMask, 0, size);
        Array.Clear(_tokenTypeIds, 0, size);
        for (var r = 0; r < RowCount; r++)
        {
            var row = rows[r];
            for (var t = 0; t < row.Count; t++)
            {
                _inputIds[(r * Length) + t] = row[t];
            }

            _attentionMask.AsSpan(r * Length, row.Count).Fill(1);
        }

        long[] shape = [RowCount, Length];
        _values =
        [
            Pin(_inputIds, size, shape),
            Pin(_attentionMask, size, shape),
            Pin(_tokenTypeIds, size, shape),
        ];
    }

    public int RowCount { get; }

    /// <summary>Word-pieces per row after padding: the longest row's count.</summary>
    public int Length { get; }

    /// <summary>input_ids, attention_mask and token_type_ids, in the model's input order.</summary>
    public IReadOnlyCollection<OrtValue> Values => _values;

    public void Dispose()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }

        ArrayPool<long>.Shared.Return(_inputIds);
        ArrayPool<long>.Shared.Return(_attentionMask);
        ArrayPool<long>.Shared.Return(_tokenTypeIds);
    }

    private static OrtValue Pin(long[] buffer, int size, long[] shape) =>
        OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, size), shape);
}
