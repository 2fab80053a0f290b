using ImageVault.Inference.Embeddings;
using ImageVault.Inference.Models;
using ImageVault.Testing;

namespace ImageVault.Inference.Tests;

/// <summary>The real models on small pictures made here: embeddings behave like embeddings, OCR reads, hashes are enforced.</summary>
public sealed class InferenceTests : IDisposable
{
    private readonly ImageInference _inference = new();

    [Fact]
    public void Embeddings_are_unit_length_and_a_resized_copy_stays_closer_than_another_scene()
    {
        var scene = _inference.Embed(AnalysedImage.From(TestImages.Scene(1)).Square);
        var resized = _inference.Embed(AnalysedImage.From(TestImages.Variant(TestImages.Scene(1), scale: 0.5, quality: 50)).Square);
        var other = _inference.Embed(AnalysedImage.From(TestImages.Scene(2)).Square);
        Assert.Equal(512, scene.Length);
        Assert.Equal(1.0, Math.Sqrt(scene.Sum(v => (double)v * v)), 4);
        Assert.True(VectorMath.Dot(scene, resized) > 0.85, $"resized copy: {VectorMath.Dot(scene, resized)}");
        Assert.True(VectorMath.Dot(scene, other) < VectorMath.Dot(scene, resized) - 0.05, $"other scene: {VectorMath.Dot(scene, other)}");
    }

    [Fact]
    public void Ocr_reads_english_and_chinese_and_reports_boxes_inside_the_image()
    {
        var page = AnalysedImage.From(TestImages.TextPng("EXIT ONLY\nParking 停车场")).Page;
        var result = _inference.ReadText(page);
        Assert.Contains("EXIT ONLY", result.Text);
        Assert.Contains("停车场", result.Text);
        Assert.Equal(2, result.Text.Split('\n').Length);
        Assert.All(result.Boxes, b => Assert.All(b.Quad.ToArray(), v => Assert.InRange(v, 0, Math.Max(page.Width, page.Height))));
    }

    [Fact]
    public void Ocr_reads_a_page_lying_on_its_side_and_maps_boxes_back()
    {
        using var upright = NetVips.Image.NewFromBuffer(TestImages.TextPng("QUARTERLY REPORT\nSECOND LINE HERE"));
        using var turned = upright.Rot90();
        var page = AnalysedImage.From(turned.PngsaveBuffer()).Page;
        var result = _inference.ReadText(page);
        Assert.StartsWith("QUARTERLY", result.Text);
        Assert.Contains("REPORT", result.Text.Split('\n')[0]);
        Assert.Contains("SECOND LINE", result.Text.Split('\n')[1]);
        // Boxes are in the stored image's coordinates: on a page turned a quarter, text runs down the page.
        Assert.All(result.Boxes, b => Assert.True(b.Quad.Height > b.Quad.Width || Math.Abs(Math.Abs(b.Quad.AngleDegrees) - 90) < 10,
            $"box {b.Text} {b.Quad}"));
    }

    [Fact]
    public void A_model_file_whose_hash_differs_is_refused()
    {
        var folder = TempFolder.Create("iv-models");
        foreach (var file in Directory.GetFiles(ModelFiles.DefaultDirectory)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        using (var stream = File.OpenWrite(Path.Combine(folder, ModelFiles.ResNet18.Name))) { stream.Position = 1000; stream.WriteByte(0x42); }
        using var tampered = new ImageInference(folder);
        var e = Assert.Throws<InvalidDataException>(() => tampered.Embed(AnalysedImage.From(TestImages.Scene(1)).Square));
        Assert.Contains("SHA-256", e.Message);
    }

    public void Dispose() => _inference.Dispose();
}
