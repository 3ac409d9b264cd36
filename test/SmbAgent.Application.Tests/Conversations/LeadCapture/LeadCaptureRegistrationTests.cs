using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Conversations.LeadCapture;

public sealed class LeadCaptureRegistrationTests
{
    [Fact]
    public void The_validator_resolves_with_the_application_clock()
    {
        var clock = new FakeTimeProvider(LeadAnswers.Monday);
        using var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddLeadCapture().BuildServiceProvider();

        var validator = services.GetRequiredService<LeadAnswerValidator>();

        validator.Validate(LeadAnswers.Question(LeadQuestionFormat.Date), "tomorrow", new LeadAnswerContext("en", "US", "UTC"))
            .ShouldBeAccepted().Value.ShouldBe("2026-11-24");
    }
}
