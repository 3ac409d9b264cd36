using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SmbAgent.Bench.Retrieval.Corpus;

namespace SmbAgent.Bench.Retrieval.Data;

/// <summary>
/// What the loaded database depends on: the data set's parameters and texts, and the migrations (which
/// define the tables and indexes). Any change means a fresh load.
/// </summary>
public static class DatasetFingerprint
{
    private const string LoaderVersion = "1";

    public static string Of(BenchSettings settings, IReadOnlyList<Passage> passages, IReadOnlyList<TenantPlan> tenants)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"loader {LoaderVersion} seed {settings.Seed} noise {settings.NoiseNorm} model {settings.EmbeddingModel}");
        foreach (var tenant in tenants)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{tenant.Name} {tenant.ChunkCount}");
        }

        foreach (var passage in passages)
        {
            text.AppendLine(passage.Text);
        }

        var migrations = Path.Combine(settings.RepositoryRoot, "src", "SmbAgent.EntityFrameworkCore", "EntityFrameworkCore", "Migrations");
        foreach (var file in Directory.GetFiles(migrations, "*.cs").Order(StringComparer.Ordinal))
        {
            text.AppendLine(Path.GetFileName(file)).AppendLine(File.ReadAllText(file));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
