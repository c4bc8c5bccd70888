using System.Text;

namespace ArticleQa.Retrieval;

/// <summary>
/// Just enough of the protobuf wire format to rewrite an ONNX model: fields not touched are copied byte for byte.
/// </summary>
internal static class MiniLmOnnxWire
{
    public const int VarintType = 0;
    public const int Fixed64Type = 1;
    public const int LengthDelimitedType = 2;
    public const int Fixed32Type = 5;

    public static IEnumerable<MiniLmOnnxField> ReadFields(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var start = position;
            var tag = ReadVarint(message.Span, ref position);
            var number = (int)(tag >> 3);
            var wireType = (int)(tag & 7);
            ulong value = 0;
            var payload = ReadOnlyMemory<byte>.Empty;
            switch (wireType)
            {
                case VarintType:
                    value = ReadVarint(message.Span, ref position);
                    break;
                case LengthDelimitedType:
                    var length = checked((int)ReadVarint(message.Span, ref position));
                    payload = message.Slice(position, length);
                    position += length;
                    break;
                case Fixed64Type:
                    position += 8;
                    break;
                case Fixed32Type:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {wireType} in the ONNX model.");
            }

            yield return new MiniLmOnnxField(number, wireType, value, payload, message[start..position]);
        }
    }

    public static string ReadString(MiniLmOnnxField field) => Encoding.UTF8.GetString(field.Payload.Span);

    /// <summary>The values of a repeated varint field, packed or not.</summary>
    public static IEnumerable<long> ReadInt64s(MiniLmOnnxField field)
    {
        if (field.WireType == VarintType)
        {
            return [(long)field.Value];
        }

        var values = new List<long>();
        var position = 0;
        while (position < field.Payload.Length)
        {
            values.Add((long)ReadVarint(field.Payload.Span, ref position));
        }

        return values;
    }

    public static void WriteVarintField(Stream output, int number, ulong value)
    {
        WriteVarint(output, ((ulong)number << 3) | VarintType);
        WriteVarint(output, value);
    }

    public static void WriteBytesField(Stream output, int number, ReadOnlySpan<byte> bytes)
    {
        WriteVarint(output, ((ulong)number << 3) | LengthDelimitedType);
        WriteVarint(output, (ulong)bytes.Length);
        output.Write(bytes);
    }

    public static void WriteStringField(Stream output, int number, string value) =>
        WriteBytesField(output, number, Encoding.UTF8.GetBytes(value));

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("Malformed varint in the ONNX model.");
    }

    private static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }
}
