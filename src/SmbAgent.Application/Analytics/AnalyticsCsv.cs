using System.Globalization;
using CsvHelper;

namespace SmbAgent.Analytics;

/// <summary>
/// Each chart's table as CSV, the alternative to the picture. Question texts come from visitors, so cells that could
/// start a formula get a leading quote (OWASP's CSV injection advice), as the leads export does.
/// </summary>
public static class AnalyticsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Tables = ["days", "channels", "dropoff", "heatmap", "calls", "unanswered"];

    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        Quoting = CsvQuoting.Always,
        WriteByteOrderMark = true,
    };

    public static bool IsFull(string table) => table is "dropoff" or "heatmap" or "calls" or "unanswered";

    public static async Task WriteAsync(string table, AnalyticsReportDto report, IReadOnlyList<UnansweredGroupDto> unanswered, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var row in Rows(table, report, unanswered))
        {
            await csv.WriteRecordAsync(row, cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static IEnumerable<string[]> Rows(string table, AnalyticsReportDto report, IReadOnlyList<UnansweredGroupDto> unanswered)
    {
        var full = report.Full;
        switch (table)
        {
            case "days":
                yield return ["Day", "Chat conversations", "Voice conversations", "Leads", "Emergencies"];
                foreach (var day in report.ByDay)
                {
                    yield return [day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(day.ChatConversations), N(day.VoiceConversations), N(day.Leads), N(day.Emergencies)];
                }

                break;
            case "channels":
                yield return ["Channel", "Conversations", "Leads", "Conversion rate", "Emergencies", "Answered from knowledge", "Not found", "Answer rate"];
                foreach (var (label, c) in report.ByChannel.Select(c => (c.Channel.ToString(), c.Counts)).Append(("All", report.Totals)))
                {
                    yield return [label, N(c.Conversations), N(c.Leads), Rate(c.ConversionRate), N(c.Emergencies), N(c.AnsweredTurns), N(c.NotFoundTurns), Rate(c.AnswerRate)];
                }

                break;
            case "dropoff" when full is not null:
                yield return ["Question", "Conversations that stopped there"];
                foreach (var question in full.DropOff)
                {
                    yield return [question.Question, N(question.Count)];
                }

                break;
            case "heatmap" when full is not null:
                yield return ["Day", .. Enumerable.Range(0, 24).Select(h => $"{h:00}:00")];
                for (var day = 0; day < 7; day++)
                {
                    yield return [((DayOfWeek)day).ToString(), .. full.HourOfWeek.Skip(day * 24).Take(24).Select(N)];
                }

                break;
            case "calls" when full is not null:
                yield return ["Outcome", "Calls"];
                foreach (var outcome in full.CallsByOutcome)
                {
                    yield return [outcome.Status, N(outcome.Count)];
                }

                yield return ["Voice minutes", full.VoiceMinutes.ToString("0.0", CultureInfo.InvariantCulture)];
                break;
            case "unanswered" when full is not null:
                yield return ["Question", "Times asked", "Last asked", "Examples"];
                foreach (var group in unanswered)
                {
                    yield return [group.Question, N(group.Count), group.LastAsked.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture), string.Join('\n', group.Examples)];
                }

                break;
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Rate(double? rate) => rate is { } r ? r.ToString("0.0000", CultureInfo.InvariantCulture) : string.Empty;
}
