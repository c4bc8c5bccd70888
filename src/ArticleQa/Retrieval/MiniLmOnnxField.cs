namespace ArticleQa.Retrieval;

/// <summary>One field of a protobuf message, as <see cref="MiniLmOnnxWire"/> reads it.</summary>
/// <param name="Number">The field number.</param>
/// <param name="WireType">0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit.</param>
/// <param name="Value">The value of a varint field.</param>
/// <param name="Payload">The bytes of a length-delimited field (a string, bytes, a message or a packed array).</param>
/// <param name="Encoded">The whole field as encoded, tag included, for copying it unchanged.</param>
internal readonly record struct MiniLmOnnxField(int Number, int WireType, ulong Value, ReadOnlyMemory<byte> Payload, ReadOnlyMemory<byte> Encoded);
