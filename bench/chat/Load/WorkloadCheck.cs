using SmbAgent.Bench.Chat.Data;

namespace SmbAgent.Bench.Chat.Load;

/// <summary>
/// Before timing anything: every question the visitors will ask, once, so the run shows that the turns take the
/// intended path (answered from the FAQ with its source, the conversation still open) and not a cheaper one.
/// </summary>
public static class WorkloadCheck
{
    public static async Task<string> RunAsync(ChatTarget target, IReadOnlyList<SeededBusiness> businesses)
    {
        var (asked, answered, open) = (0, 0, 0);
        var unanswered = new List<string>();
        foreach (var business in businesses)
        {
            var visitor = new Visitor(target, business);
            if (!(await visitor.StartAsync()).Ok)
            {
                throw new InvalidOperationException($"A conversation with {business.Plan.Name} did not start.");
            }

            foreach (var question in business.Plan.Questions)
            {
                var turn = await visitor.SayAsync(question);
                asked++;
                answered += turn.Cited ? 1 : 0;
                open += turn.Open ? 1 : 0;
                if (!turn.Cited || !turn.Open)
                {
                    unanswered.Add($"{business.Plan.Name}: \"{question}\" ({(turn.Ok ? turn.Open ? "not answered" : "left the open state" : "failed")})");
                }
            }
        }

        var summary = $"{answered}/{asked} answered from the FAQ with a citation, {open}/{asked} left the conversation open";
        return unanswered.Count == 0 ? summary : summary + Environment.NewLine + string.Join(Environment.NewLine, unanswered.Select(u => "    " + u));
    }
}
