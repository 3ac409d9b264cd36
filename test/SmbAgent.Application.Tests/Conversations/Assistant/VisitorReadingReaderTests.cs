using SmbAgent.Conversations;
using SmbAgent.Conversations.Assistant;

namespace SmbAgent.Application.Tests.Conversations.Assistant;

public sealed class VisitorReadingReaderTests
{
    private const string Message = "Quote please. I'm Ana Ruiz, 415 555 0132, ana@example.com";

    [Fact]
    public void Details_written_in_the_message_are_kept()
    {
        var reading = VisitorReadingReader.Read("""{"intent":"leave_details","name":"ana ruiz","phone":"(415) 555-0132","email":"ANA@example.com"}""", Message);

        reading.ShouldBe(new VisitorReading(VisitorIntent.LeaveDetails, new VisitorDetails("ana ruiz", "(415) 555-0132", "ANA@example.com")));
    }

    [Fact]
    public void Details_the_message_does_not_contain_are_dropped()
    {
        var reading = VisitorReadingReader.Read("""{"intent":"leave_details","name":"Bob","phone":"415 555 0199","email":"owner@evil.example"}""", Message);

        reading.ShouldBe(VisitorReading.Of(VisitorIntent.LeaveDetails));
    }

    [Theory]
    [InlineData("""{"intent":"send_email","name":"","phone":"","email":""}""")]
    [InlineData("""{"name":"Ana Ruiz"}""")]
    [InlineData("""{"intent":3}""")]
    [InlineData("question")]
    public void Output_without_a_listed_intent_is_invalid(string output) => VisitorReadingReader.Read(output, Message).ShouldBeNull();
}
