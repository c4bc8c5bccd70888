using ArticleQa.Retrieval;

namespace ArticleQa.Tests.Retrieval;

public sealed class MiniLmOnnxWireTests
{
    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(127UL)]
    [InlineData(128UL)]
    [InlineData(300UL)]
    [InlineData(ulong.MaxValue)]
    public void ReadFields_WrittenVarintField_ReadsSameNumberAndValue(ulong value)
    {
        using var stream = new MemoryStream();
        MiniLmOnnxWire.WriteVarintField(stream, 17, value);

        var field = Assert.Single(MiniLmOnnxWire.ReadFields(stream.ToArray()));

        Assert.Equal(17, field.Number);
        Assert.Equal(MiniLmOnnxWire.VarintType, field.WireType);
        Assert.Equal(value, field.Value);
        Assert.Equal(stream.ToArray(), field.Encoded.ToArray());
    }

    [Fact]
    public void ReadFields_StringAndPackedFields_ReadsPayloads()
    {
        using var stream = new MemoryStream();
        MiniLmOnnxWire.WriteStringField(stream, 8, "weight");
        MiniLmOnnxWire.WriteBytesField(stream, 1, [0x80, 0x03, 0x05]);

        var fields = MiniLmOnnxWire.ReadFields(stream.ToArray()).ToList();

        Assert.Equal("weight", MiniLmOnnxWire.ReadString(fields[0]));
        Assert.Equal([384L, 5L], MiniLmOnnxWire.ReadInt64s(fields[1]));
    }

    [Fact]
    public void ReadFields_UnknownWireType_ThrowsInvalidDataException()
    {
        byte[] message = [(1 << 3) | 3];

        Assert.Throws<InvalidDataException>(() => MiniLmOnnxWire.ReadFields(message).ToList());
    }
}
