using System.Runtime.InteropServices;
using static ArticleQa.Retrieval.MiniLmOnnxWire;

namespace ArticleQa.Retrieval;

/// <summary>
/// Dynamic int8 quantization of the model's weight matrices: each MatMul by a constant matrix becomes ONNX Runtime's
/// DynamicQuantizeMatMul, with the weights stored as int8 per output column and the activations quantized at run time.
/// Weights use 7 bits (±63), because the AVX2 u8×s8 kernels sum pairs of products in 16 bits and would saturate.
/// The bias Add after a projection becomes the DynamicQuantizeMatMul's bias input. Each layer's self-attention (found
/// by <see cref="MiniLmAttentionFusion"/>) becomes one QAttention: the layer input quantized once, one int8 GEMM for
/// the query, key and value projections side by side, and the heads' products and softmax in one kernel, without the
/// reshapes, transposes and mask Add between them (about 7% faster at one passage a run).
/// </summary>
internal static class MiniLmQuantizer
{
    /// <summary>Changes when the quantized model would come out differently, so that cached files are remade.</summary>
    public const string Version = "v4";

    private const int WeightLimit = 63;

    // Field numbers of onnx.proto.
    private const int ModelGraph = 7;
    private const int ModelOpsetImport = 8;
    private const int OpsetDomain = 1;
    private const int OpsetVersion = 2;
    private const int GraphNode = 1;
    private const int GraphInitializer = 5;
    private const int GraphOutput = 12;
    private const int ValueInfoName = 1;
    private const int AttributeName = 1;
    private const int AttributeInt = 3;
    private const int AttributeType = 20;
    private const int AttributeTypeInt = 2;
    private const int TensorDims = 1;
    private const int TensorDataType = 2;
    private const int TensorFloatData = 4;
    private const int TensorName = 8;
    private const int TensorRawData = 9;
    private const int FloatType = 1;
    private const int Int8Type = 3;
    private const int Int32Type = 6;
    /// <summary>all-MiniLM-L6-v2's attention heads (of 32 dimensions each).</summary>
    private const int HeadCount = 12;
    private const string AttentionMask = "attention_mask";
    private const string HiddenState = "last_hidden_state";
    private const string MaskIndex = "attention_mask_int32";
    private const string MicrosoftDomain = "com.microsoft";

    /// <inheritdoc cref="Quantize(ReadOnlyMemory{byte}, Stream, bool)"/>
    public static byte[] Quantize(ReadOnlyMemory<byte> model, bool masked = true)
    {
        using var output = new MemoryStream();
        Quantize(model, output, masked);
        return output.ToArray();
    }

    /// <summary>Writes the quantized copy of <paramref name="model"/> to <paramref name="output"/>.</summary>
    /// <param name="model">The exported float model.</param>
    /// <param name="output">Where the quantized model goes.</param>
    /// <param name="masked">
    /// Whether attention reads the attention mask, as runs of rows of different lengths (padded) need. A model without
    /// it is for runs of one row (or rows of one length): it skips building and adding the mask, about 4% of a run.
    /// </param>
    public static void Quantize(ReadOnlyMemory<byte> model, Stream output, bool masked = true)
    {
        foreach (var field in ReadFields(model))
        {
            if (field.Number == ModelGraph)
            {
                using var graph = QuantizeGraph(field.Payload, masked);
                WriteBytesField(output, ModelGraph, graph.GetBuffer().AsSpan(0, (int)graph.Length));
            }
            else
            {
                output.Write(field.Encoded.Span);
            }
        }

        if (!ReadFields(model).Any(f => f.Number == ModelOpsetImport && Strings(f.Payload, OpsetDomain) is [MicrosoftDomain]))
        {
            using var opset = new MemoryStream();
            WriteStringField(opset, OpsetDomain, MicrosoftDomain);
            WriteVarintField(opset, OpsetVersion, 1);
            WriteBytesField(output, ModelOpsetImport, opset.ToArray());
        }
    }

    private static MemoryStream QuantizeGraph(ReadOnlyMemory<byte> graph, bool masked)
    {
        var fields = ReadFields(graph).ToList();
        var initializers = fields.Where(f => f.Number == GraphInitializer).Select(ReadTensorHeader).Where(t => t.DataType == FloatType).ToList();
        var matrices = initializers.Where(t => t.Dims.Count == 2).ToDictionary(t => t.Name);
        var vectors = initializers.Where(t => t.Dims.Count == 1).ToDictionary(t => t.Name);
        var nodes = fields.Where(f => f.Number == GraphNode).Select(f => MiniLmOnnxNode.Read(f.Payload)).ToList();
        var uses = nodes.SelectMany(n => n.Inputs).CountBy(name => name).ToDictionary();
        var blocks = MiniLmAttentionFusion.Find(nodes, matrices, vectors.Keys.ToHashSet())
            .Where(b => b.Weights.All(w => uses[w] == 1 && matrices[w].Dims.SequenceEqual(matrices[b.Weights[0]].Dims)))
            .ToDictionary(b => b.Output);
        var fused = blocks.Values.SelectMany(b => b.Nodes).ToHashSet();

        var rewritten = new List<MiniLmOnnxNode>(nodes.Count);
        if (blocks.Count > 0 && masked)
        {
            rewritten.Add(new MiniLmOnnxNode([AttentionMask], [MaskIndex], "Cast_" + MaskIndex, "Cast", "", [IntAttribute("to", Int32Type)]));
        }

        foreach (var node in nodes)
        {
            if (node.Outputs.Count > 0 && blocks.TryGetValue(node.Outputs[0], out var block))
            {
                rewritten.AddRange(Attention(block, masked));
            }
            else if (!fused.Contains(node))
            {
                rewritten.Add(node);
            }
        }

        var weights = rewritten
            .Where(n => n.Is("MatMul") && n.Inputs.Count == 2 && matrices.ContainsKey(n.Inputs[1]) && uses[n.Inputs[1]] == 1)
            .Select(n => n.Inputs[1])
            .ToHashSet();
        var live = RemoveUnused(FoldProjections(rewritten, weights, matrices, vectors), [HiddenState]);
        var referenced = live.SelectMany(n => n.Inputs).ToHashSet();

        var output = new MemoryStream(graph.Length);
        var nodesWritten = false;
        foreach (var field in fields)
        {
            if (field.Number == GraphNode)
            {
                // The nodes keep their order (an Add that went into a MatMul came after it).
                if (!nodesWritten)
                {
                    live.ForEach(n => WriteBytesField(output, GraphNode, n.Encode()));
                    nodesWritten = true;
                }
            }
            else if (field.Number == GraphInitializer && ReadTensorHeader(field).Name is var name && weights.Contains(name))
            {
                WriteQuantizedWeight(output, name, matrices[name].Dims, matrices[name].ReadFloats());
            }
            else if (field.Number == GraphOutput && Strings(field.Payload, ValueInfoName) is not [HiddenState])
            {
                // The pooled [CLS] output (a dense layer and tanh that mean pooling never reads) goes with its nodes.
            }
            else if (field.Number != GraphInitializer || referenced.Contains(ReadTensorHeader(field).Name))
            {
                output.Write(field.Encoded.Span);
            }
        }

        foreach (var block in blocks.Values)
        {
            var (rows, columns) = (matrices[block.Weights[0]].Dims[0], matrices[block.Weights[0]].Dims[1]);
            var parts = block.Weights.Select(w => matrices[w].ReadFloats()).ToList();
            var combined = new float[rows * columns * 3];
            for (var r = 0; r < rows; r++)
            {
                for (var p = 0; p < 3; p++)
                {
                    parts[p].AsSpan((int)(r * columns), (int)columns).CopyTo(combined.AsSpan((int)(((r * 3) + p) * columns)));
                }
            }

            WriteQuantizedWeight(output, QkvName(block), [rows, columns * 3], combined);
            float[] bias = [.. block.Biases.SelectMany(b => vectors[b].ReadFloats())];
            WriteBytesField(output, GraphInitializer, Tensor(QkvName(block) + "_bias", FloatType, [bias.Length], MemoryMarshal.AsBytes(bias.AsSpan())));
        }

        return output;
    }

    /// <summary>
    /// Each MatMul by a weight in <paramref name="weights"/> becomes a DynamicQuantizeMatMul. A projection's bias Add
    /// moves into it (the optional bias input): one pass less over the activations, about a tenth of the run time at
    /// batch size 1.
    /// </summary>
    private static List<MiniLmOnnxNode> FoldProjections(
        List<MiniLmOnnxNode> nodes, HashSet<string> weights, Dictionary<string, MiniLmOnnxTensor> matrices, Dictionary<string, MiniLmOnnxTensor> vectors)
    {
        var consumers = nodes.SelectMany(n => n.Inputs.Distinct().Select(input => (input, n))).ToLookup(p => p.input, p => p.n);
        var folded = new HashSet<MiniLmOnnxNode>();
        var quantized = new List<MiniLmOnnxNode>(nodes.Count);
        foreach (var node in nodes)
        {
            if (!node.Is("MatMul") || node.Inputs is not [var input, var weight] || !weights.Contains(weight))
            {
                quantized.Add(node);
                continue;
            }

            var matMul = node with { Inputs = [input, weight + "_int8", weight + "_scale"], OpType = "DynamicQuantizeMatMul", Domain = MicrosoftDomain, Attributes = [] };
            var add = consumers[node.Outputs[0]].ToList() is [{ } only] && only.Is("Add") && only.Inputs.Count == 2 ? only : null;
            var bias = add?.Inputs.FirstOrDefault(i => i != node.Outputs[0] && vectors.GetValueOrDefault(i)?.Dims is [var length] && length == matrices[weight].Dims[1]);
            if (add is not null && bias is not null)
            {
                matMul = matMul with { Inputs = [.. matMul.Inputs, "", bias], Outputs = add.Outputs };
                folded.Add(add);
            }

            quantized.Add(matMul);
        }

        return quantized.Where(n => !folded.Contains(n)).ToList();
    }

    /// <summary>
    /// The fused attention of one layer: the layer input quantized to uint8 once (per tensor, as QAttention takes it),
    /// then QAttention with the query, key and value weights side by side ([hidden, 3 × hidden], per-column scales)
    /// and the attention mask as int32 (ignored positions get −10000 before the softmax, as in the exported graph).
    /// </summary>
    private static IEnumerable<MiniLmOnnxNode> Attention(MiniLmAttentionFusion.Block block, bool masked)
    {
        var name = QkvName(block);
        string[] quantized = [block.Input + "_quantized", block.Input + "_scale", block.Input + "_zero_point"];
        yield return new MiniLmOnnxNode([block.Input], quantized, name + "_quantize", "DynamicQuantizeLinear", "", []);
        yield return new MiniLmOnnxNode(
            [quantized[0], name + "_int8", name + "_bias", quantized[1], name + "_scale", masked ? MaskIndex : "", quantized[2]],
            [block.Output],
            name + "_attention",
            "QAttention",
            MicrosoftDomain,
            [IntAttribute("num_heads", HeadCount)]);
    }

    private static string QkvName(MiniLmAttentionFusion.Block block) => block.Weights[0] + "_qkv";

    /// <summary>
    /// Drops the nodes that nothing reads any more: the shape arithmetic of the fused attention, and the pooler, whose
    /// output the quantized model no longer has.
    /// </summary>
    private static List<MiniLmOnnxNode> RemoveUnused(List<MiniLmOnnxNode> nodes, IEnumerable<string> graphOutputs)
    {
        while (true)
        {
            var read = nodes.SelectMany(n => n.Inputs).Concat(graphOutputs).ToHashSet();
            var kept = nodes.Where(n => n.Outputs.Any(read.Contains)).ToList();
            if (kept.Count == nodes.Count)
            {
                return kept;
            }

            nodes = kept;
        }
    }

    private static ReadOnlyMemory<byte> IntAttribute(string name, long value)
    {
        using var output = new MemoryStream();
        WriteStringField(output, AttributeName, name);
        WriteVarintField(output, AttributeInt, (ulong)value);
        WriteVarintField(output, AttributeType, AttributeTypeInt);
        return output.ToArray();
    }

    private static void WriteQuantizedWeight(Stream output, string name, IReadOnlyList<long> dims, float[] values)
    {
        var rows = (int)dims[0];
        var columns = (int)dims[1];
        var scales = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            var max = 0f;
            for (var r = 0; r < rows; r++)
            {
                max = Math.Max(max, Math.Abs(values[(r * columns) + c]));
            }

            scales[c] = max > 0 ? max / WeightLimit : 1f;
        }

        var quantized = new sbyte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            quantized[i] = (sbyte)Math.Clamp(MathF.Round(values[i] / scales[i % columns]), -WeightLimit, WeightLimit);
        }

        WriteBytesField(output, GraphInitializer, Tensor(name + "_int8", Int8Type, dims, MemoryMarshal.AsBytes(quantized.AsSpan())));
        WriteBytesField(output, GraphInitializer, Tensor(name + "_scale", FloatType, [columns], MemoryMarshal.AsBytes(scales.AsSpan())));
    }

    private static byte[] Tensor(string name, int dataType, IReadOnlyList<long> dims, ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        foreach (var dim in dims)
        {
            WriteVarintField(output, TensorDims, (ulong)dim);
        }

        WriteVarintField(output, TensorDataType, (ulong)dataType);
        WriteStringField(output, TensorName, name);
        WriteBytesField(output, TensorRawData, data);
        return output.ToArray();
    }

    private static MiniLmOnnxTensor ReadTensorHeader(MiniLmOnnxField initializer)
    {
        var fields = ReadFields(initializer.Payload).ToList();
        return new MiniLmOnnxTensor(
            fields.Where(f => f.Number == TensorName).Select(ReadString).SingleOrDefault() ?? "",
            (int)(fields.FirstOrDefault(f => f.Number == TensorDataType).Value),
            fields.Where(f => f.Number == TensorDims).SelectMany(ReadInt64s).ToList(),
            fields.FirstOrDefault(f => f.Number == TensorRawData).Payload,
            fields.FirstOrDefault(f => f.Number == TensorFloatData).Payload);
    }

    private static List<string> Strings(ReadOnlyMemory<byte> message, int number) =>
        ReadFields(message).Where(f => f.Number == number).Select(ReadString).ToList();
}
