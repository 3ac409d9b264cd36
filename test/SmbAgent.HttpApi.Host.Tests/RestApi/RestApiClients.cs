using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.ApiKeys;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.TestKit;

namespace SmbAgent.HttpApi.Tests.RestApi;

/// <summary>Keys made the way the admin makes them, clients that send them, and leads as the engine leaves them.</summary>
public static class RestApiClients
{
    public static async Task<CreatedApiKeyDto> CreateKeyAsync(this ApiFixture fixture, Guid tenantId, ApiKeyScope scope = ApiKeyScope.Read) =>
        await fixture.Factory.Services.InTenantAsync(tenantId, sp =>
            sp.GetRequiredService<ApiKeyAppService>().CreateAsync(new CreateApiKeyDto { Name = $"integration {scope}", Scope = scope }, null, "Owner"));

    public static Task<TenantOwner> CreateProTenantAsync(this ApiFixture fixture) => fixture.CreateTenantAsync(EditionMatrix.Pro);

    public static HttpClient ClientWithKey(this ApiFixture fixture, string key)
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static async Task<Guid> AddLeadAsync(this ApiFixture fixture, Guid tenantId, LeadStatus status, LeadPriority priority, DateTimeOffset created, string name) =>
        await fixture.Factory.Services.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var conversation = new Conversation(Guid.CreateVersion7(), tenantId, ConversationChannel.Chat, Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), "en")
            {
                CreationTime = created.AddMinutes(-5),
                LastActivityTime = created,
                MessageCount = 1,
                State = ConversationState.Completed,
            };
            var lead = new Lead(Guid.CreateVersion7(), tenantId, conversation.Id, ConversationChannel.Chat, priority)
            {
                Status = status,
                ContactName = name,
                CreationTime = created,
            };
            conversation.LeadId = lead.Id;
            db.Conversations.Add(conversation);
            db.Leads.Add(lead);
            db.ConversationMessages.Add(new ConversationMessage(Guid.CreateVersion7(), tenantId, conversation.Id, 1, MessageRole.Visitor, $"{name} needs a plumber.")
            {
                CreationTime = created.AddMinutes(-5),
            });
            await db.SaveChangesAsync();
            return lead.Id;
        });
}
