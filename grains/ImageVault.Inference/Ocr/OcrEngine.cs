using ImageVault.Inference.Models;

namespace ImageVault.Inference.Ocr;

/// <summary>Detection, direction and recognition in sequence, then the boxes assembled into lines in reading order.</summary>
public sealed class OcrEngine : IDisposable
{
    private const float MinConfidence = 0.5f;
    private readonly OnnxModel _det, _cls, _rec;
    private readonly DbTextDetector _detector;
    private readonly TextDirectionClassifier _direction;
    private readonly CtcTextRecognizer _recognizer;

    public OcrEngine(string directory, int concurrency)
    {
        _det = new OnnxModel(ModelFiles.OcrDetector, directory, concurrency);
        _cls = new OnnxModel(ModelFiles.OcrDirection, directory, concurrency);
        _rec = new OnnxModel(ModelFiles.OcrRecognizer, directory, concurrency);
        (_detector, _direction, _recognizer) = (new DbTextDetector(_det), new TextDirectionClassifier(_cls), new CtcTextRecognizer(_rec, directory));
    }

    public OcrResult Read(RgbImage image)
    {
        var (page, turns) = (image, PageTurns.None(image));
        // A strip one line high (a cropped word or line) is read whole: detection needs context it lacks.
        if (page.Height <= 64 && page.Width >= 2 * page.Height) return ReadWhole(page);
        var quads = _detector.Detect(page);
        if (quads.Count == 0) return OcrResult.Empty;
        // Most lines standing upright: the page lies on its side. Turn it, then let the direction
        // classifier say whether it now stands on its head.
        if (quads.Count(q => q.Height > 1.5f * q.Width) * 2 > quads.Count)
        {
            (page, turns) = turns.Turn(page, 1);
            quads = _detector.Detect(page);
        }
        var (crops, flipped) = _direction.Upright(quads.Select(q => TextCrops.Cut(page, q)).ToArray());
        if (flipped * 2 > crops.Length && crops.Length >= 2)
        {
            (page, turns) = turns.Turn(page, 2);
            quads = _detector.Detect(page);
            (crops, _) = _direction.Upright(quads.Select(q => TextCrops.Cut(page, q)).ToArray());
        }
        var read = _recognizer.Read(crops);
        var upright = quads.Zip(read, (q, r) => new TextBox(r.Text.Trim(), r.Confidence, q))
            .Where(b => b.Confidence >= MinConfidence && b.Text.Length > 0).ToArray();
        // Lines are assembled on the upright page; boxes are reported on the image as stored.
        return new OcrResult(ReadingOrder.Assemble(upright), upright.Select(b => b with { Quad = turns.ToOriginal(b.Quad) }).ToArray());
    }

    private OcrResult ReadWhole(RgbImage page)
    {
        var quad = new TextQuad(0, 0, page.Width - 1, 0, page.Width - 1, page.Height - 1, 0, page.Height - 1);
        var (crops, _) = _direction.Upright([page]);
        var (text, confidence) = _recognizer.Read(crops)[0];
        return confidence >= MinConfidence && text.Trim().Length > 0
            ? new OcrResult(text.Trim(), [new TextBox(text.Trim(), confidence, quad)])
            : OcrResult.Empty;
    }

    public void Dispose()
    {
        _det.Dispose();
        _cls.Dispose();
        _rec.Dispose();
    }
}
