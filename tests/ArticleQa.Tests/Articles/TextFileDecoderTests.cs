using System.Text;
using ArticleQa.Articles;

namespace ArticleQa.Tests.Articles;

public sealed class TextFileDecoderTests
{
    public static TheoryData<byte[]> EncodedText =>
    [
        Encoding.UTF8.GetBytes("Café crème"),
        WithBom(Encoding.UTF8, "Café crème"),
        WithBom(Encoding.Unicode, "Café crème"),
        WithBom(Encoding.BigEndianUnicode, "Café crème"),
        WithBom(Encoding.UTF32, "Café crème"),
    ];

    public static TheoryData<byte[], string> BadBytes => new()
    {
        { Encoding.Latin1.GetBytes("Café"), "not valid UTF-8 text (invalid 0xE9 at byte 3)" },
        { [.. Encoding.UTF8.Preamble, .. Encoding.Latin1.GetBytes("Café")], "not valid UTF-8 text (invalid 0xE9 at byte 6)" },
        { [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], "not valid UTF-16 text" },
        { Encoding.UTF8.GetBytes("Title\0\0\0"), "binary data, not text (contains NUL bytes)" },
        { Encoding.Unicode.GetBytes("UTF-16 without a byte order mark"), "binary data, not text (contains NUL bytes)" },
        { Encoding.ASCII.GetBytes("Ti\u0001\u0002\u0003\u0004tle"), "binary data, not text (contains control characters)" },
    };

    [Theory]
    [MemberData(nameof(EncodedText))]
    public void Decode_Utf8OrUnicodeWithBom_TextWithoutBom(byte[] bytes)
    {
        Assert.Equal("Café crème", TextFileDecoder.Decode(bytes));
    }

    [Theory]
    [MemberData(nameof(BadBytes))]
    public void Decode_NotText_ThrowsWithReason(byte[] bytes, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => TextFileDecoder.Decode(bytes));

        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void Decode_OneStrayControlCharacterInLongText_Accepted()
    {
        var text = new string('a', 500) + "\u001A";

        Assert.Equal(text, TextFileDecoder.Decode(Encoding.ASCII.GetBytes(text)));
    }

    private static byte[] WithBom(Encoding encoding, string text) => [.. encoding.Preamble, .. encoding.GetBytes(text)];
}
