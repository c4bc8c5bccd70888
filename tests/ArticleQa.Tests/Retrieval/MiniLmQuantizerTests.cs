using ArticleQa.Retrieval;

namespace ArticleQa.Tests.Retrieval;

public sealed class MiniLmQuantizerTests
{
    private const int GraphField = 7;
    private const int NodeField = 1;
    private const int OpTypeField = 4;

    [Fact]
    public void Quantize_MiniLm_ReplacesEveryWeightMatMulWithInt8Weights()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ArticleQa", "models");
        var model = File.ReadAllBytes(MiniLmResources.ExtractModel(directory));

        var quantized = MiniLmQuantizer.Quantize(model);

        // Six layers, each with query, key, value, attention output and two feed-forward projections; the two
        // attention products (scores and weighted values) multiply activations and stay float.
        var before = OpTypes(model);
        var after = OpTypes(quantized);
        Assert.Equal(36, after.Count(op => op == "DynamicQuantizeMatMul"));
        Assert.Equal(before.Count(op => op == "MatMul") - 36, after.Count(op => op == "MatMul"));
        // Each projection's bias Add went into its DynamicQuantizeMatMul.
        Assert.Equal(before.Count(op => op == "Add") - 36, after.Count(op => op == "Add"));
        Assert.Equal(before.Count - 36, after.Count);
        // 10.6 million weights go from 4 bytes to 1; the 11.7 million of the word-embedding table stay float.
        Assert.InRange(model.Length - quantized.Length, 31_000_000, 32_000_000);
    }

    [Fact]
    public void Quantize_MiniLm_ProjectionsTakeTheirBiases()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ArticleQa", "models");

        var quantized = MiniLmQuantizer.Quantize(File.ReadAllBytes(MiniLmResources.ExtractModel(directory)));

        var graph = MiniLmOnnxWire.ReadFields(quantized).Single(f => f.Number == GraphField);
        var projections = MiniLmOnnxWire.ReadFields(graph.Payload)
            .Where(f => f.Number == NodeField)
            .Select(node => MiniLmOnnxNode.Read(node.Payload))
            .Where(node => node.Is("DynamicQuantizeMatMul", "com.microsoft"))
            .ToList();
        Assert.Equal(36, projections.Count);
        Assert.All(projections, node => Assert.EndsWith(".bias", node.Inputs[4], StringComparison.Ordinal));
        Assert.Contains(projections, node => node.Inputs[4] == "encoder.layer.5.output.dense.bias");
    }

    private static List<string> OpTypes(byte[] model)
    {
        var graph = MiniLmOnnxWire.ReadFields(model).Single(f => f.Number == GraphField);
        return MiniLmOnnxWire.ReadFields(graph.Payload)
            .Where(f => f.Number == NodeField)
            .Select(node => MiniLmOnnxWire.ReadFields(node.Payload).Single(f => f.Number == OpTypeField))
            .Select(MiniLmOnnxWire.ReadString)
            .ToList();
    }
}
