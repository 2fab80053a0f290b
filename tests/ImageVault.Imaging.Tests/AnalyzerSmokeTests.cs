using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Thumbnails;
using ImageVault.Testing;
using Xunit.Abstractions;

namespace ImageVault.Imaging.Tests;

public class AnalyzerSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Camera_photo_gets_thumbnails()
    {
        var bytes = File.ReadAllBytes(Corpus.Path("photos", "camera", "Apple iPhone 4.jpg"));
        var result = ImageAnalyzer.Analyze(bytes, new AnalysisRequest(100_000_000, ThumbnailSpec.Default, ThumbnailEncoding.Jpeg));
        output.WriteLine($"{result.ErrorCode} {result.ErrorDetail}");
        Assert.Null(result.ErrorCode);
    }
}
