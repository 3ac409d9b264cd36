using System.Globalization;
using SmbAgent.KnowledgeBase;

namespace SmbAgent.Bench.Retrieval.Corpus;

/// <summary>
/// The deterministic shape of the data set: passages per business kind, 100 tenants (one big, the rest on a
/// decaying curve), their sources and chunks, and the questions asked. Each part has its own random stream,
/// so changing one (e.g. the number of questions) leaves the others as they were.
/// </summary>
public sealed class CorpusBuilder(BenchSettings settings)
{
    private const int GeneralVariants = 6;
    private const int ServiceVariants = 2;

    public IReadOnlyList<Passage> BuildPassages()
    {
        var random = new Random(settings.Seed);
        var passages = new List<Passage>();
        for (var k = 0; k < BusinessKinds.All.Count; k++)
        {
            var kind = BusinessKinds.All[k];
            var filler = new SlotFiller(kind, random);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var topic in Topics.All)
            {
                var targets = topic.PerService
                    ? kind.Services.Select(s => (Service: (Service?)s, Count: ServiceVariants))
                    : [(Service: (Service?)null, Count: GeneralVariants)];
                foreach (var (service, count) in targets)
                {
                    var made = 0;
                    for (var attempt = 0; attempt < count * 10 && made < count; attempt++)
                    {
                        var text = filler.Fill($"{Pick(random, topic.Openers)} {Pick(random, topic.Details)}", service);
                        if (seen.Add(text))
                        {
                            passages.Add(new Passage(k, topic.Title, text));
                            made++;
                        }
                    }
                }
            }
        }

        return passages;
    }

    public IReadOnlyList<TenantPlan> BuildTenants()
    {
        var smallCount = settings.Tenants - 1;
        var weights = Enumerable.Range(0, smallCount).Select(i => Math.Exp(-i / settings.SizeDecay)).ToArray();
        var rest = settings.TotalChunks - settings.BigTenantChunks;
        var sizes = weights.Select(w => Math.Max(1, (int)(rest * w / weights.Sum()))).ToArray();
        for (var i = 0; sizes.Sum() < rest; i = (i + 1) % smallCount)
        {
            sizes[i]++;
        }

        var kinds = BusinessKinds.All;
        var tenants = new List<TenantPlan> { Plan(0, 0, settings.BigTenantChunks) };
        tenants.AddRange(sizes.Select((size, i) => Plan(i + 1, (i + 1) % kinds.Count, size)));
        return tenants;

        static TenantPlan Plan(int index, int kind, int size) => new(index,
            string.Create(CultureInfo.InvariantCulture, $"Bench {index:000} {BusinessKinds.All[kind].Name}"), BusinessKinds.All[kind], kind, size);
    }

    /// <summary>Sources of 20–60 chunks, in an order shuffled across tenants, as they would arrive over time.</summary>
    public IReadOnlyList<SourcePlan> BuildSources(IReadOnlyList<TenantPlan> tenants, IReadOnlyList<Passage> passages)
    {
        var random = new Random(settings.Seed + 1);
        var byKind = passages.Select((p, i) => (p.Kind, Index: i)).ToLookup(p => p.Kind, p => p.Index);
        var sources = new List<SourcePlan>();
        var sourceKinds = Enum.GetValues<KnowledgeSourceKind>();
        foreach (var tenant in tenants)
        {
            var pool = byKind[tenant.KindIndex].ToArray();
            var left = tenant.ChunkCount;
            for (var n = 1; left > 0; n++)
            {
                var size = Math.Min(left, random.Next(20, 61));
                left -= size;
                var chunks = Enumerable.Range(0, size).Select(_ => Chunk(random, pool, passages)).ToList();
                var sourceKind = sourceKinds[random.Next(sourceKinds.Length)];
                var origin = sourceKind switch
                {
                    KnowledgeSourceKind.Url => string.Create(CultureInfo.InvariantCulture, $"https://tenant{tenant.Index}.example/pages/{n}"),
                    KnowledgeSourceKind.Pdf => string.Create(CultureInfo.InvariantCulture, $"handbook-{n}.pdf"),
                    _ => null,
                };
                var title = string.Create(CultureInfo.InvariantCulture, $"{tenant.Kind.Name} {sourceKind.ToString().ToLowerInvariant()} {n}");
                sources.Add(new SourcePlan(tenant.Index, sourceKind, title, origin, chunks));
            }
        }

        return [.. sources.OrderBy(_ => random.Next())];
    }

    /// <summary>Distinct questions for one kind of business, in the words its customers would use.</summary>
    public IReadOnlyList<string> BuildQuestions(int kindIndex, int count)
    {
        var random = new Random(settings.Seed + 1000 + kindIndex);
        var filler = new SlotFiller(BusinessKinds.All[kindIndex], random);
        var questions = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < count * 50 && questions.Count < count; attempt++)
        {
            var topic = Pick(random, Topics.All);
            var question = filler.Fill(Pick(random, topic.Questions));
            if (seen.Add(question))
            {
                questions.Add(question);
            }
        }

        return questions.Count == count
            ? questions
            : throw new InvalidOperationException($"Only {questions.Count} distinct questions for {BusinessKinds.All[kindIndex].Name}.");
    }

    private static ChunkPlan Chunk(Random random, int[] pool, IReadOnlyList<Passage> passages)
    {
        var parts = random.NextDouble() switch
        {
            < 0.45 => 2,
            < 0.80 => 3,
            _ => 4,
        };
        var ids = new List<int>(parts);
        while (ids.Count < parts)
        {
            var next = pool[random.Next(pool.Length)];
            if (!ids.Contains(next))
            {
                ids.Add(next);
            }
        }

        var weights = ids.Select(_ => (float)(0.6 + (0.8 * random.NextDouble()))).ToArray();
        return new ChunkPlan(passages[ids[0]].Topic, string.Join(" ", ids.Select(i => passages[i].Text)), [.. ids], weights);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
