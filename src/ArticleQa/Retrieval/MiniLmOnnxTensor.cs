using System.Runtime.InteropServices;

namespace ArticleQa.Retrieval;

/// <summary>An ONNX initializer as <see cref="MiniLmQuantizer"/> needs it: name, element type, shape and data.</summary>
/// <param name="Name">The initializer's name.</param>
/// <param name="DataType">The ONNX element type (1 is float).</param>
/// <param name="Dims">The shape.</param>
/// <param name="RawData">Little-endian data, when the model stores it raw.</param>
/// <param name="FloatData">Packed float data, when the model does not store it raw.</param>
internal sealed record MiniLmOnnxTensor(string Name, int DataType, IReadOnlyList<long> Dims, ReadOnlyMemory<byte> RawData, ReadOnlyMemory<byte> FloatData)
{
    public float[] ReadFloats()
    {
        var bytes = RawData.IsEmpty ? FloatData : RawData;
        var values = MemoryMarshal.Cast<byte, float>(bytes.Span).ToArray();
        var expected = Dims.Aggregate(1L, (product, dim) => product * dim);
        if (values.Length != expected)
        {
            throw new InvalidDataException($"Initializer '{Name}' has {values.Length} values for shape [{string.Join(", ", Dims)}].");
        }

        return values;
    }
}
