namespace ArticleQa.Training;

/// <summary>
/// Extracted examples on disk (outside the repository), keyed by everything they depend on, so a second training run
/// with the same data, features and retrieval settings skips the extraction.
/// </summary>
internal static class TrainingExampleCache
{
    public static List<TrainingExample>? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        var count = reader.ReadInt32();
        var examples = new List<TrainingExample>(count);
        for (var e = 0; e < count; e++)
        {
            var id = reader.ReadString();
            var title = reader.ReadString();
            var answerable = reader.ReadBoolean();
            var rows = new float[reader.ReadInt32()][];
            var labels = new bool[rows.Length];
            for (var r = 0; r < rows.Length; r++)
            {
                labels[r] = reader.ReadBoolean();
                rows[r] = ReadFloats(reader);
            }

            examples.Add(new TrainingExample(id, title, answerable, rows, labels, ReadFloats(reader), reader.ReadBoolean()));
        }

        return examples;
    }

    public static void Write(string path, IReadOnlyList<TrainingExample> examples)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(examples.Count);
            foreach (var example in examples)
            {
                writer.Write(example.Id);
                writer.Write(example.Title);
                writer.Write(example.Answerable);
                writer.Write(example.Sentences.Length);
                for (var r = 0; r < example.Sentences.Length; r++)
                {
                    writer.Write(example.Labels[r]);
                    WriteFloats(writer, example.Sentences[r]);
                }

                WriteFloats(writer, example.Facts);
                writer.Write(example.OwnArticle);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static float[] ReadFloats(BinaryReader reader)
    {
        var values = new float[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }
}
