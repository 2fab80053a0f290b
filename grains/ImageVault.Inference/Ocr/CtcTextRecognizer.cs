using System.Text;
using ImageVault.Inference.Models;

namespace ImageVault.Inference.Ocr;

/// <summary>
/// Reads the text of upright crops with the PP-OCRv4 recogniser (Chinese and English): per time step it
/// gives a distribution over the character list; greedy CTC decoding drops repeats and the blank.
/// Crops of similar aspect run in one batch, as wide as the widest of them.
/// </summary>
public sealed class CtcTextRecognizer
{
    private const float SpaceProbability = 0.01f;
    private const int Height = 48, MinWidth = 320, MaxWidth = 3200, BatchSize = 6;
    private readonly OnnxModel _model;
    private readonly string[] _characters;

    public CtcTextRecognizer(OnnxModel model, string directory)
    {
        _model = model;
        var keys = Encoding.UTF8.GetString(ModelFiles.OcrCharacters.ReadVerified(directory))
            .Split('\n').Select(k => k.TrimEnd('\r')).ToList();
        if (keys.Count > 0 && keys[^1].Length == 0) keys.RemoveAt(keys.Count - 1);
        _characters = ["", .. keys, " "]; // index 0 is the CTC blank; the list ends with the space
    }

    public (string Text, float Confidence)[] Read(IReadOnlyList<RgbImage> crops)
    {
        var results = new (string, float)[crops.Count];
        var order = Enumerable.Range(0, crops.Count).OrderBy(i => (float)crops[i].Width / crops[i].Height).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var indices = order.Skip(start).Take(BatchSize).ToArray();
            var batch = indices.Select(i => crops[i]).ToArray();
            var widest = batch.Max(c => (float)c.Width / c.Height);
            var width = Math.Clamp((int)MathF.Ceiling(Height * widest), MinWidth, MaxWidth);
            var (probs, shape) = _model.Run(TextCrops.Batch(batch, Height, width));
            var (steps, classes) = (shape[1], shape[2]);
            for (var n = 0; n < batch.Length; n++)
                results[indices[n]] = Decode(probs.AsSpan(n * steps * classes, steps * classes), steps, classes);
        }
        return results;
    }

    private (string, float) Decode(ReadOnlySpan<float> probs, int steps, int classes)
    {
        var text = new StringBuilder();
        var (confidence, kept, previous, space) = (0f, 0, -1, 0f);
        for (var t = 0; t < steps; t++)
        {
            var row = probs.Slice(t * classes, classes);
            var best = 0;
            for (var k = 1; k < classes; k++) if (row[k] > row[best]) best = k;
            if (best == 0) space = Math.Max(space, row[classes - 1]);
            if (best != 0 && best != previous && best < _characters.Length)
            {
                // The network often puts narrow word gaps in the blank with the space a close second:
                // take a space it considered likely between two characters as a space.
                if (space >= SpaceProbability && text.Length > 0 && text[^1] != ' ' && _characters[best] != " ") text.Append(' ');
                space = 0;
                text.Append(_characters[best]);
                confidence += row[best];
                kept++;
            }
            previous = best;
        }
        return (text.ToString(), kept == 0 ? 0 : confidence / kept);
    }
}
