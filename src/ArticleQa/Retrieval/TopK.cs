namespace ArticleQa.Retrieval;

/// <summary>Keeps the k best (index, score) pairs of a stream with a min-heap; ties keep the lower index.</summary>
internal sealed class TopK(int k)
{
    private readonly PriorityQueue<int, (float Score, int NegIndex)> _heap = new(k + 1);

    public void Offer(int index, float score)
    {
        if (_heap.Count < k)
        {
            _heap.Enqueue(index, (score, -index));
            return;
        }

        _heap.TryPeek(out _, out var worst);
        if (score > worst.Score || (score == worst.Score && -index > worst.NegIndex))
        {
            _heap.DequeueEnqueue(index, (score, -index));
        }
    }

    /// <summary>The kept pairs, best first.</summary>
    public List<(int Index, float Score)> Drain()
    {
        var result = new List<(int, float)>(_heap.Count);
        while (_heap.TryDequeue(out var index, out var priority))
        {
            result.Add((index, priority.Score));
        }

        result.Reverse();
        return result;
    }
}
