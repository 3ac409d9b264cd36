using System.Globalization;
using SmbAgent.Conversations;
using Xunit.Abstractions;

namespace SmbAgent.Application.Tests.Conversations.Emergencies;

/// <summary>
/// Quality of emergency detection with the real local model (use-lite-512) on the labelled sets: the lexicon
/// alone, similarity alone and both combined as the detector does. The full table is in the test output.
/// </summary>
public sealed class EmergencyEvaluationTests(ITestOutputHelper output) : IDisposable
{
    private readonly EmergencyDetectionHost _host = new();

    [Fact]
    public async Task Report()
    {
        foreach (var (name, set) in new[] { ("calibration", EmergencyEvaluationSet.Calibration), ("evaluation", EmergencyEvaluationSet.Evaluation), ("unseen", EmergencyEvaluationSet.Unseen) })
        {
            var lexicon = set.Select(t => new Verdict(t, _host.Lexicon.Match(t.Text, t.Language, []).Level)).ToList();
            foreach (var miss in lexicon.Where(v => v.Predicted != v.Turn.Level))
            {
                output.WriteLine($"{name} LEXICON {miss.Turn.Language} {miss.Turn.Level}->{miss.Predicted}: {miss.Turn.Text}");
            }
            var similarity = new List<Verdict>();
            var combined = new List<Verdict>();
            foreach (var turn in set)
            {
                var bySimilarity = await _host.Similarity.AssessAsync(turn.Text, turn.Language);
                similarity.Add(new Verdict(turn, bySimilarity?.Level ?? LeadPriority.Normal));
                var verdict = await _host.Detector.DetectAsync(turn.Text, turn.Language, []);
                combined.Add(new Verdict(turn, verdict.Level));
                if (verdict.Level != turn.Level)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {turn.Language} {turn.Level}->{verdict.Level} by {verdict.MatchedBy} '{verdict.Match}' {verdict.Similarity:0.00}: {turn.Text}"));
                }
            }

            output.WriteLine($"{name} lexicon    {DetectionMetrics.Of(lexicon)}");
            output.WriteLine($"{name} similarity {DetectionMetrics.Of(similarity)}");
            output.WriteLine($"{name} combined   {DetectionMetrics.Of(combined)}");
            var english = set.Select((t, i) => (t, i)).Where(x => x.t.Language == "en").Select(x => x.i).ToList();
            output.WriteLine($"{name} similarity (en) {DetectionMetrics.Of([.. english.Select(i => similarity[i])])}");
        }
    }

    public void Dispose() => _host.Dispose();
}
