using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ImageVault.Inference.Models;

/// <summary>
/// One loaded ONNX model, shared by every caller in the process. ONNX Runtime sessions are safe to run
/// concurrently; the gate bounds how many runs share the CPU so a burst cannot starve grain turns.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly SemaphoreSlim _gate;
    private readonly string _input;

    public OnnxModel(ModelFile file, string directory, int concurrency, int threadsPerRun = 1)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threadsPerRun, InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _session = new InferenceSession(file.ReadVerified(directory), options);
        _input = _session.InputMetadata.Keys.Single();
        _gate = new SemaphoreSlim(Math.Max(1, concurrency));
    }

    /// <summary>Runs the model on one input tensor and returns its first output with the output's shape.</summary>
    public (float[] Values, int[] Shape) Run(DenseTensor<float> input)
    {
        _gate.Wait();
        try
        {
            using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, input)]);
            var output = results[0].AsTensor<float>();
            return (output.ToArray(), output.Dimensions.ToArray());
        }
        finally { _gate.Release(); }
    }

    public void Dispose()
    {
        _session.Dispose();
        _gate.Dispose();
    }
}
