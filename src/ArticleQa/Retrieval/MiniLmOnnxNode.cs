using static ArticleQa.Retrieval.MiniLmOnnxWire;

namespace ArticleQa.Retrieval;

/// <summary>An ONNX graph node as <see cref="MiniLmQuantizer"/> rewrites it; attributes stay encoded.</summary>
internal sealed record MiniLmOnnxNode(
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    string Name,
    string OpType,
    string Domain,
    IReadOnlyList<ReadOnlyMemory<byte>> Attributes)
{
    // Field numbers of onnx.proto's NodeProto.
    private const int InputField = 1;
    private const int OutputField = 2;
    private const int NameField = 3;
    private const int OpTypeField = 4;
    private const int AttributeField = 5;
    private const int DomainField = 7;

    public static MiniLmOnnxNode Read(ReadOnlyMemory<byte> node)
    {
        var fields = ReadFields(node).ToList();
        List<string> Strings(int number) => fields.Where(f => f.Number == number).Select(ReadString).ToList();
        return new MiniLmOnnxNode(
            Strings(InputField),
            Strings(OutputField),
            Strings(NameField).SingleOrDefault() ?? "",
            Strings(OpTypeField).SingleOrDefault() ?? "",
            Strings(DomainField).SingleOrDefault() ?? "",
            fields.Where(f => f.Number == AttributeField).Select(f => f.Payload).ToList());
    }

    public bool Is(string opType, string domain = "") => OpType == opType && Domain == domain;

    public byte[] Encode()
    {
        using var output = new MemoryStream();
        foreach (var input in Inputs)
        {
            WriteStringField(output, InputField, input);
        }

        foreach (var name in Outputs)
        {
            WriteStringField(output, OutputField, name);
        }

        WriteStringField(output, NameField, Name);
        WriteStringField(output, OpTypeField, OpType);
        foreach (var attribute in Attributes)
        {
            WriteBytesField(output, AttributeField, attribute.Span);
        }

        if (Domain.Length > 0)
        {
            WriteStringField(output, DomainField, Domain);
        }

        return output.ToArray();
    }
}
