using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace ImageVault.Grains.Identity;

/// <summary>
/// Argon2id password hashes in the PHC string format
/// (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>), so parameters can be raised later and old hashes
/// still verify. Defaults follow OWASP's minimum for Argon2id. Runs on the thread pool, never on a grain thread.
/// </summary>
public sealed class PasswordHasher(int memoryKib = 19_456, int iterations = 2, int parallelism = 1)
{
    public const int MinLength = 10, MaxLength = 256;
    private const int SaltBytes = 16, HashBytes = 32;

    public Task<string> HashAsync(string password) => Task.Run(() =>
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Compute(password, salt, memoryKib, iterations, parallelism);
        return $"$argon2id$v=19$m={memoryKib},t={iterations},p={parallelism}${B64(salt)}${B64(hash)}";
    });

    public Task<bool> VerifyAsync(string password, string? encoded) => Task.Run(() =>
    {
        if (encoded is null || password.Length is 0 or > MaxLength) return false;
        var parts = encoded.Split('$');
        if (parts.Length != 6 || parts[1] != "argon2id" || parts[2] != "v=19") return false;
        var p = parts[3].Split(',').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => int.Parse(kv[1], System.Globalization.CultureInfo.InvariantCulture));
        var expected = FromB64(parts[5]);
        var actual = Compute(password, FromB64(parts[4]), p["m"], p["t"], p["p"]);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    });

    /// <summary>A clear reason when a new password is too weak to accept, else null.</summary>
    public static string? Weakness(string? password) =>
        password is null || password.Length < MinLength ? $"a password needs at least {MinLength} characters"
        : password.Length > MaxLength ? $"a password has at most {MaxLength} characters"
        : password.Distinct().Count() < 4 ? "a password needs more than three different characters" : null;

    private static byte[] Compute(string password, byte[] salt, int m, int t, int p)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password)) { Salt = salt, MemorySize = m, Iterations = t, DegreeOfParallelism = p };
        return argon.GetBytes(HashBytes);
    }

    private static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=');

    private static byte[] FromB64(string s) => Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
}
