using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace ImageVault.Infrastructure.Storage;

/// <summary>
/// Grain state as System.Text.Json in both profiles (SQLite text, PostgreSQL UTF-8 bytes): readable
/// with plain SQL, independent of .NET type names, upgraded on read through each state's SchemaVersion.
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)!;
}
