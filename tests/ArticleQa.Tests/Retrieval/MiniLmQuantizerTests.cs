using ArticleQa.Retrieval;

namespace ArticleQa.Tests.Retrieval;

public sealed class MiniLmQuantizerTests
{
    private const int GraphField = 7;
    private const int NodeField = 1;
    private const int OpTypeField = 4;
    private const int InitializerField = 5;
    private const int TensorDimsField = 1;
    private const int TensorNameField = 8;

    [Fact]
    public void Quantize_MiniLm_ReplacesEveryWeightMatMulWithInt8Weights()
    {
        var model = File.ReadAllBytes(MiniLmResources.ExtractModel(ModelDirectory));

        var quantized = MiniLmQuantizer.Quantize(model);

        // Six layers, each with query, key, value, attention output and two feed-forward projections, plus the two
        // attention products (scores and weighted values).
        var before = OpTypes(model);
        var after = OpTypes(quantized);
        Assert.Equal(48, before.Count(op => op == "MatMul"));
        Assert.Equal(6, before.Count(op => op == "Softmax"));
        // Each layer's attention is one QAttention reading its input quantized once; the output and feed-forward
        // projections are DynamicQuantizeMatMul; no float MatMul is left.
        Assert.Equal(6, after.Count(op => op == "QAttention"));
        Assert.Equal(6, after.Count(op => op == "DynamicQuantizeLinear"));
        Assert.Equal(18, after.Count(op => op == "DynamicQuantizeMatMul"));
        Assert.DoesNotContain("MatMul", after);
        Assert.DoesNotContain("Softmax", after);
        Assert.DoesNotContain("Transpose", after);
        Assert.DoesNotContain("Reshape", after);
        // 10.6 million weights go from 4 bytes to 1, the pooler's 0.15 million (its output is dropped) go; the 11.7
        // million of the word-embedding table stay float.
        Assert.InRange(model.Length - quantized.Length, 32_000_000, 33_000_000);
        Assert.DoesNotContain("Tanh", after);
    }

    [Fact]
    public void Quantize_MiniLm_ProjectionsTakeTheirBiases()
    {
        var quantized = MiniLmQuantizer.Quantize(File.ReadAllBytes(MiniLmResources.ExtractModel(ModelDirectory)));

        var nodes = Nodes(quantized);
        var projections = nodes.Where(node => node.Is("DynamicQuantizeMatMul", "com.microsoft")).ToList();
        Assert.Equal(18, projections.Count);
        Assert.All(projections, node => Assert.EndsWith(".bias", node.Inputs[4], StringComparison.Ordinal));
        Assert.Contains(projections, node => node.Inputs[4] == "encoder.layer.5.output.dense.bias");

        // QAttention: quantized input, weights, the three biases side by side, input scale, weight scales, mask,
        // input zero point.
        var attentions = nodes.Where(node => node.Is("QAttention", "com.microsoft")).ToList();
        Assert.Equal(6, attentions.Count);
        Assert.All(attentions, node => Assert.Equal(7, node.Inputs.Count));
        Assert.All(attentions, node => Assert.Equal("attention_mask_int32", node.Inputs[5]));
        var initializers = Initializers(quantized);
        Assert.All(attentions, node => Assert.Equal([384, 1152], initializers[node.Inputs[1]]));
        Assert.All(attentions, node => Assert.Equal([1152], initializers[node.Inputs[2]]));
        Assert.All(attentions, node => Assert.Equal([1152], initializers[node.Inputs[4]]));
    }

    [Fact]
    public void Quantize_Unmasked_AttentionReadsNoMask()
    {
        var quantized = MiniLmQuantizer.Quantize(File.ReadAllBytes(MiniLmResources.ExtractModel(ModelDirectory)), masked: false);

        var nodes = Nodes(quantized);
        var attentions = nodes.Where(node => node.Is("QAttention", "com.microsoft")).ToList();
        Assert.Equal(6, attentions.Count);
        Assert.All(attentions, node => Assert.Equal("", node.Inputs[5]));
        Assert.DoesNotContain(nodes, node => node.Inputs.Contains("attention_mask"));
    }

    [Fact]
    public void Quantize_SameModelTwice_WritesTheSameBytes()
    {
        var model = File.ReadAllBytes(MiniLmResources.ExtractModel(ModelDirectory));

        Assert.Equal(MiniLmQuantizer.Quantize(model), MiniLmQuantizer.Quantize(model));
    }

    private static string ModelDirectory => Path.Combine(Path.GetTempPath(), "ArticleQa", "models");

    private static List<MiniLmOnnxNode> Nodes(byte[] model)
    {
        var graph = MiniLmOnnxWire.ReadFields(model).Single(f => f.Number == GraphField);
        return MiniLmOnnxWire.ReadFields(graph.Payload)
            .Where(f => f.Number == NodeField)
            .Select(node => MiniLmOnnxNode.Read(node.Payload))
            .ToList();
    }

    private static Dictionary<string, long[]> Initializers(byte[] model)
    {
        var graph = MiniLmOnnxWire.ReadFields(model).Single(f => f.Number == GraphField);
        return MiniLmOnnxWire.ReadFields(graph.Payload)
            .Where(f => f.Number == InitializerField)
            .Select(f => MiniLmOnnxWire.ReadFields(f.Payload).ToList())
            .ToDictionary(
                fields => MiniLmOnnxWire.ReadString(fields.Single(f => f.Number == TensorNameField)),
                fields => fields.Where(f => f.Number == TensorDimsField).SelectMany(MiniLmOnnxWire.ReadInt64s).ToArray());
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
