using System.Runtime.InteropServices;
using static ArticleQa.Retrieval.MiniLmOnnxWire;

namespace ArticleQa.Retrieval;

/// <summary>
/// Dynamic int8 quantization of the model's weight matrices: each MatMul by a constant matrix becomes ONNX Runtime's
/// DynamicQuantizeMatMul, with the weights stored as int8 per output column and the activations quantized at run time.
/// Weights use 7 bits (±63), because the AVX2 u8×s8 kernels sum pairs of products in 16 bits and would saturate.
/// The bias Add after a projection becomes the DynamicQuantizeMatMul's bias input.
/// </summary>
internal static class MiniLmQuantizer
{
    /// <summary>Changes when the quantized model would come out differently, so that cached files are remade.</summary>
    public const string Version = "v2";

    private const int WeightLimit = 63;

    // Field numbers of onnx.proto.
    private const int ModelGraph = 7;
    private const int ModelOpsetImport = 8;
    private const int OpsetDomain = 1;
    private const int OpsetVersion = 2;
    private const int GraphNode = 1;
    private const int GraphInitializer = 5;
    private const int TensorDims = 1;
    private const int TensorDataType = 2;
    private const int TensorFloatData = 4;
    private const int TensorName = 8;
    private const int TensorRawData = 9;
    private const int FloatType = 1;
    private const int Int8Type = 3;
    private const string MicrosoftDomain = "com.microsoft";

    public static byte[] Quantize(ReadOnlyMemory<byte> model)
    {
        using var output = new MemoryStream();
        Quantize(model, output);
        return output.ToArray();
    }

    /// <summary>Writes the quantized copy of <paramref name="model"/> to <paramref name="output"/>.</summary>
    public static void Quantize(ReadOnlyMemory<byte> model, Stream output)
    {
        foreach (var field in ReadFields(model))
        {
            if (field.Number == ModelGraph)
            {
                using var graph = QuantizeGraph(field.Payload);
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

    private static MemoryStream QuantizeGraph(ReadOnlyMemory<byte> graph)
    {
        var fields = ReadFields(graph).ToList();
        var initializers = fields.Where(f => f.Number == GraphInitializer).Select(ReadTensorHeader).Where(t => t.DataType == FloatType).ToList();
        var matrices = initializers.Where(t => t.Dims.Count == 2).ToDictionary(t => t.Name);
        var vectors = initializers.Where(t => t.Dims.Count == 1).ToDictionary(t => t.Name, t => t.Dims[0]);
        var nodes = fields.Where(f => f.Number == GraphNode).Select(f => MiniLmOnnxNode.Read(f.Payload)).ToList();
        var uses = nodes.SelectMany(n => n.Inputs).CountBy(name => name).ToDictionary();
        var consumers = nodes.SelectMany(n => n.Inputs.Distinct().Select(input => (input, n))).ToLookup(p => p.input, p => p.n);
        var weights = nodes
            .Where(n => n.Is("MatMul") && n.Inputs.Count == 2 && matrices.ContainsKey(n.Inputs[1]) && uses[n.Inputs[1]] == 1)
            .Select(n => n.Inputs[1])
            .ToHashSet();

        // A projection's bias Add moves into its DynamicQuantizeMatMul (the optional bias input): one pass less over
        // the activations, about a tenth of the run time at batch size 1.
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
            var bias = add?.Inputs.FirstOrDefault(i => i != node.Outputs[0] && vectors.GetValueOrDefault(i) == matrices[weight].Dims[1]);
            if (add is not null && bias is not null)
            {
                matMul = matMul with { Inputs = [.. matMul.Inputs, "", bias], Outputs = add.Outputs };
                folded.Add(add);
            }

            quantized.Add(matMul);
        }

        var output = new MemoryStream(graph.Length);
        var nodesWritten = false;
        foreach (var field in fields)
        {
            if (field.Number == GraphNode)
            {
                // The nodes keep their order (an Add that went into a MatMul came after it).
                if (!nodesWritten)
                {
                    quantized.Where(n => !folded.Contains(n)).ToList().ForEach(n => WriteBytesField(output, GraphNode, n.Encode()));
                    nodesWritten = true;
                }
            }
            else if (field.Number == GraphInitializer && weights.Contains(ReadTensorHeader(field).Name))
            {
                WriteQuantizedWeight(output, matrices[ReadTensorHeader(field).Name]);
            }
            else
            {
                output.Write(field.Encoded.Span);
            }
        }

        return output;
    }

    private static void WriteQuantizedWeight(Stream output, MiniLmOnnxTensor weight)
    {
        var rows = (int)weight.Dims[0];
        var columns = (int)weight.Dims[1];
        var values = weight.ReadFloats();
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

        WriteBytesField(output, GraphInitializer, Tensor(weight.Name + "_int8", Int8Type, weight.Dims, MemoryMarshal.AsBytes(quantized.AsSpan())));
        WriteBytesField(output, GraphInitializer, Tensor(weight.Name + "_scale", FloatType, [columns], MemoryMarshal.AsBytes(scales.AsSpan())));
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
