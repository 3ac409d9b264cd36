using System.Globalization;
using System.Text;
using SmbAgent.Conversations;

namespace SmbAgent.Application.Tests.Conversations.Emergencies;

/// <summary>
/// Runs every labelled set once through the lexicon alone, similarity alone and the detector, with the real
/// local model, and keeps the verdicts and a printable report.
/// </summary>
public sealed class EmergencyEvaluationFixture : IAsyncLifetime, IDisposable
{
    // Quality, not latency, is measured here: a busy machine must not turn slow answers into fallbacks.
    private readonly EmergencyDetectionHost _host = new(settings: new Dictionary<string, string?>
    {
        ["Conversations:Emergencies:SimilarityTimeout"] = "00:00:30",
    });

    public Dictionary<string, SetRun> Runs { get; } = [];

    public string Report { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var report = new StringBuilder();
        foreach (var (name, set) in new[]
                 {
                     ("calibration", EmergencyEvaluationSet.Calibration),
                     ("evaluation", EmergencyEvaluationSet.Evaluation),
                     ("unseen", EmergencyEvaluationSet.Unseen),
                     ("held-out", EmergencyEvaluationSet.HeldOut),
                 })
        {
            var run = new SetRun([], [], []);
            foreach (var turn in set)
            {
                run.Lexicon.Add(new Verdict(turn, _host.Lexicon.Match(turn.Text, turn.Language, []).Level));
                var bySimilarity = await _host.Similarity.AssessAsync(turn.Text, turn.Language);
                run.Similarity.Add(new Verdict(turn, bySimilarity?.Level ?? LeadPriority.Normal));
                var combined = await _host.Detector.DetectAsync(turn.Text, turn.Language, []);
                run.Combined.Add(new Verdict(turn, combined.Level));
                if (combined.Level != turn.Level)
                {
                    report.AppendLine(CultureInfo.InvariantCulture,
                        $"  {name}: {turn.Language} labelled {turn.Level}, detected {combined.Level} by {combined.MatchedBy} '{combined.Match}' {combined.Similarity:0.00}: {turn.Text}");
                }
            }

            Runs[name] = run;
            report.AppendLine(CultureInfo.InvariantCulture, $"{name} ({set.Count} turns)");
            report.AppendLine(CultureInfo.InvariantCulture, $"  lexicon            {DetectionMetrics.Of(run.Lexicon)}");
            report.AppendLine(CultureInfo.InvariantCulture, $"  similarity         {DetectionMetrics.Of(run.Similarity)}");
            report.AppendLine(CultureInfo.InvariantCulture, $"  similarity, en     {DetectionMetrics.Of(run.EnglishSimilarity)}");
            report.AppendLine(CultureInfo.InvariantCulture, $"  combined           {DetectionMetrics.Of(run.Combined)}");
            foreach (var language in run.Combined.GroupBy(v => v.Turn.Language))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    combined, {language.Key}     {DetectionMetrics.Of([.. language])}");
            }
        }

        Report = report.ToString();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    public sealed record SetRun(List<Verdict> Lexicon, List<Verdict> Similarity, List<Verdict> Combined)
    {
        /// <summary>The local model's similarity only judges English turns; this is where it can be measured.</summary>
        public IReadOnlyList<Verdict> EnglishSimilarity => [.. Similarity.Where(v => v.Turn.Language == "en")];
    }
}
