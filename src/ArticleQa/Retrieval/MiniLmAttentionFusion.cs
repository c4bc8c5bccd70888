namespace ArticleQa.Retrieval;

/// <summary>
/// Finds the self-attention blocks of the exported BERT graph for <see cref="MiniLmQuantizer"/>: per layer, the query,
/// key and value projections (MatMul, bias Add, Reshape to heads, Transpose), the scores (MatMul, Div by the square
/// root of the head size, Add of the mask, Softmax), the weighted values (MatMul) and the merge of the heads
/// (Transpose, Reshape). ONNX Runtime's QAttention does all of this in one node, with one int8 GEMM for the three
/// projections.
/// </summary>
internal static class MiniLmAttentionFusion
{
    /// <summary>One attention block.</summary>
    /// <param name="Input">The layer input that the three projections read.</param>
    /// <param name="Weights">The query, key and value weight matrices ([hidden, hidden] each).</param>
    /// <param name="Biases">The query, key and value biases.</param>
    /// <param name="Output">The merged heads, [batch, sequence, hidden]: what QAttention writes.</param>
    /// <param name="Nodes">The nodes QAttention replaces; the last of them in graph order is the merging Reshape.</param>
    public sealed record Block(string Input, IReadOnlyList<string> Weights, IReadOnlyList<string> Biases, string Output, IReadOnlySet<MiniLmOnnxNode> Nodes);

    public static List<Block> Find(IReadOnlyList<MiniLmOnnxNode> nodes, IReadOnlyDictionary<string, MiniLmOnnxTensor> matrices, IReadOnlySet<string> vectors)
    {
        var producers = nodes.SelectMany(n => n.Outputs.Select(o => (o, n))).ToDictionary(p => p.o, p => p.n);
        var consumers = nodes.SelectMany(n => n.Inputs.Distinct().Select(input => (input, n))).ToLookup(p => p.input, p => p.n);
        MiniLmOnnxNode? Producer(string name, string opType) => producers.GetValueOrDefault(name) is { } node && node.Is(opType) ? node : null;
        MiniLmOnnxNode? OnlyConsumer(MiniLmOnnxNode node, string opType) =>
            consumers[node.Outputs[0]].ToList() is [{ } only] && only.Is(opType) ? only : null;

        // The Shape nodes beside it compute the target shape of a Reshape, and go with it.
        MiniLmOnnxNode? ReshapeConsumer(MiniLmOnnxNode node) =>
            consumers[node.Outputs[0]].Where(c => !c.Is("Shape")).ToList() is [{ } only] && only.Is("Reshape") ? only : null;

        // Heads as laid out for the products: Transpose(Reshape(Add(bias, MatMul(input, weight)))).
        (string Input, string Weight, string Bias, MiniLmOnnxNode[] Nodes)? Projection(string heads)
        {
            var transpose = Producer(heads, "Transpose");
            var reshape = transpose is null ? null : Producer(transpose.Inputs[0], "Reshape");
            var add = reshape is null ? null : Producer(reshape.Inputs[0], "Add");
            var matMul = add?.Inputs.Select(i => Producer(i, "MatMul")).SingleOrDefault(m => m is not null);
            var bias = add?.Inputs.SingleOrDefault(vectors.Contains);
            return matMul is { Inputs: [var input, var weight] } && bias is not null && matrices.ContainsKey(weight)
                ? (input, weight, bias, [matMul, add!, reshape!, transpose!])
                : null;
        }

        var blocks = new List<Block>();
        foreach (var softmax in nodes.Where(n => n.Is("Softmax")))
        {
            var masked = Producer(softmax.Inputs[0], "Add");
            var scaled = masked?.Inputs.Select(i => Producer(i, "Div")).SingleOrDefault(d => d is not null);
            var scores = scaled is null ? null : Producer(scaled.Inputs[0], "MatMul");
            var weighted = OnlyConsumer(softmax, "MatMul");
            var merged = weighted is null ? null : OnlyConsumer(weighted, "Transpose");
            var output = merged is null ? null : ReshapeConsumer(merged);
            if (scores is not { Inputs: [var queries, var keys] } || weighted is not { Inputs: [_, var values] } || output is null
                || Projection(queries) is not { } q || Projection(keys) is not { } k || Projection(values) is not { } v
                || q.Input != k.Input || q.Input != v.Input)
            {
                continue;
            }

            var replaced = new HashSet<MiniLmOnnxNode>([.. q.Nodes, .. k.Nodes, .. v.Nodes, scores, scaled!, masked!, softmax, weighted, merged!, output]);
            blocks.Add(new Block(q.Input, [q.Weight, k.Weight, v.Weight], [q.Bias, k.Bias, v.Bias], output.Outputs[0], replaced));
        }

        return blocks;
    }
}
