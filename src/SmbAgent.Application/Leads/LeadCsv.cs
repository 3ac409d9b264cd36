using System.Globalization;
using CsvHelper;

namespace SmbAgent.Leads;

/// <summary>
/// The leads as CSV for a spreadsheet. Every value a visitor typed may start like a formula (<c>=HYPERLINK(…)</c>),
/// which Excel or Sheets would run on opening: such cells get a leading single quote, as OWASP's CSV injection advice says.
/// </summary>
internal static class LeadCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
        ["Created", "Status", "Priority", "Channel", "Name", "Email", "Phone", "Address", "Notes", "Answers", "Owner notes", "Lead id"];

    private static readonly CsvWriterOptions Options = new()
    {
        // = + - @ tab and CR: the characters OWASP lists, which are CsvHelper's defaults.
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        Quoting = CsvQuoting.Always,

        // Excel reads a CSV without a byte order mark in the machine's code page and garbles accented names.
        WriteByteOrderMark = true,
    };

    public static async Task WriteAsync(IAsyncEnumerable<Lead> leads, TimeZoneInfo zone, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        await csv.WriteRecordAsync(Header, cancellationToken);
        await foreach (var lead in leads.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(Row(lead, zone), cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string[] Row(Lead lead, TimeZoneInfo zone) =>
    [
        BusinessTime.Local(lead.CreationTime, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        lead.Status.ToString(),
        lead.Priority.ToString(),
        lead.Channel.ToString(),
        lead.ContactName ?? string.Empty,
        lead.Email ?? string.Empty,
        lead.Phone ?? string.Empty,
        lead.Address ?? string.Empty,
        lead.Notes ?? string.Empty,
        string.Join('\n', lead.Answers.Select(a => $"{a.Question}: {a.Value ?? "(skipped)"}")),
        lead.OwnerNotes ?? string.Empty,
        lead.Id.ToString(),
    ];
}
