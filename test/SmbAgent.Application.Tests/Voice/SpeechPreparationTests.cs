using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.TestKit;
using SmbAgent.Voice.Speech;
using SmbAgent.Workspace;
using Play = Twilio.TwiML.Voice.Play;

namespace SmbAgent.Application.Tests.Voice;

/// <summary>The greeting and the question prompts, synthesised before anyone calls when the settings change.</summary>
public sealed class SpeechPreparationTests(SpeechFixture fixture) : IClassFixture<SpeechFixture>, IDisposable
{
    [Fact]
    public async Task Saving_the_welcome_message_queues_the_preparation_for_the_business()
    {
        var tenantId = await fixture.CreateBusinessAsync();

        await fixture.Services.InTenantAsync(tenantId, async sp =>
        {
            var settings = sp.GetRequiredService<AgentSettingsAppService>();
            var input = (await settings.GetAsync()).Input;
            input.WelcomeMessage = "Thanks for calling Demo Plumbing. How can we help?";
            await settings.UpdateAsync(input);
        });

        fixture.Jobs.Queued.ShouldContain(j => j.TenantId == tenantId && j.Args is PrepareSpeechArgs);
    }

    [Fact]
    public async Task Saving_settings_that_the_greeting_does_not_say_queues_nothing()
    {
        var tenantId = await fixture.CreateBusinessAsync();

        await fixture.Services.InTenantAsync(tenantId, async sp =>
        {
            var settings = sp.GetRequiredService<AgentSettingsAppService>();
            var input = (await settings.GetAsync()).Input;
            input.WidgetPrimaryColor = "#112233";
            await settings.UpdateAsync(input);
        });

        fixture.Jobs.Queued.ShouldNotContain(j => j.TenantId == tenantId);
    }

    [Fact]
    public async Task Adding_or_changing_a_lead_question_queues_the_preparation()
    {
        var tenantId = await fixture.CreateBusinessAsync();

        await fixture.Services.InTenantAsync(tenantId, async sp =>
        {
            var questions = sp.GetRequiredService<ILeadQuestionAppService>();
            var added = await questions.CreateAsync(new CreateUpdateLeadQuestionDto { Text = "What is your address?", Format = LeadQuestionFormat.Text, MapsTo = LeadField.Address });
            await questions.UpdateAsync(added.Id, new CreateUpdateLeadQuestionDto { Text = "What is the address of the job?", Format = LeadQuestionFormat.Text, MapsTo = LeadField.Address });
        });

        fixture.Jobs.Queued.Count(j => j.TenantId == tenantId && j.Args is PrepareSpeechArgs).ShouldBe(2);
    }

    [Fact]
    public async Task A_business_without_premium_voices_queues_nothing()
    {
        var tenantId = await fixture.CreateBusinessAsync(EditionMatrix.Basic);

        await fixture.Services.InTenantAsync(tenantId, sp => sp.GetRequiredService<SpeechPreparation>().QueueAsync());

        fixture.Jobs.Queued.ShouldNotContain(j => j.TenantId == tenantId);
    }

    [Fact]
    public async Task The_preparation_fills_the_cache_with_the_greeting_and_every_question_so_a_call_plays_them_at_once()
    {
        var tenantId = await fixture.CreateBusinessAsync(premiumVoice: "shimmer");
        var (greeting, questions) = await fixture.Services.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var agent = await db.AgentSettings.SingleAsync();
            agent.WelcomeMessage = $"Welcome to the shop {Guid.NewGuid():N}. How can I help?";
            await db.SaveChangesAsync();
            var texts = await db.LeadQuestions.OrderBy(q => q.Position).Select(q => q.Text).ToListAsync();
            return (agent.WelcomeMessage, texts);
        });
        questions.ShouldNotBeEmpty();

        await fixture.Services.RunJobAsync(tenantId, new PrepareSpeechArgs());

        var inputs = ShimmerInputs();
        inputs.ShouldContain(greeting);
        foreach (var question in questions)
        {
            inputs.ShouldContain(question);
        }

        var before = fixture.OpenAi.SpeechCalls.Count;
        foreach (var text in questions.Prepend(greeting))
        {
            var said = await fixture.Services.InTenantAsync(tenantId, sp => sp.GetRequiredService<ISpeechOutput>()
                .SpeakAsync(new SpeechRequest(tenantId, text, "en", "Polly.Joanna", "shimmer", MaySpeakSsml: true)));
            said.ShouldBeOfType<Play>();
        }

        fixture.OpenAi.SpeechCalls.Count.ShouldBe(before);

        await fixture.Services.RunJobAsync(tenantId, new PrepareSpeechArgs());
        fixture.OpenAi.SpeechCalls.Count.ShouldBe(before, "a second run finds everything cached");
    }

    [Fact]
    public async Task The_greeting_is_the_built_in_spoken_one_when_the_line_speaks_another_language_than_the_owners_welcome()
    {
        var tenantId = await fixture.CreateBusinessAsync(premiumVoice: "fable");
        await fixture.Services.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var agent = await db.AgentSettings.SingleAsync();
            agent.Language = "en";
            agent.VoiceLanguage = "es";
            await db.SaveChangesAsync();
        });

        await fixture.Services.RunJobAsync(tenantId, new PrepareSpeechArgs());

        fixture.OpenAi.SpeechCalls.Where(c => c.Body["voice"]!.GetValue<string>() == "fable")
            .Select(c => c.Body["input"]!.GetValue<string>())
            .ShouldContain("Hola, gracias por llamar. ¿En qué puedo ayudarle?");
    }

    public void Dispose() => fixture.ResetStub();

    private List<string> ShimmerInputs() =>
        [.. fixture.OpenAi.SpeechCalls.Where(c => c.Body["voice"]!.GetValue<string>() == "shimmer").Select(c => c.Body["input"]!.GetValue<string>())];
}
