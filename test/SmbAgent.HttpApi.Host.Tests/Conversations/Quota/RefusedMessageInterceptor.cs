using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SmbAgent.Conversations;

namespace SmbAgent.HttpApi.Tests.Conversations.Quota;

/// <summary>The database refusing a turn: a save that adds a message reading <see cref="Text"/> fails.</summary>
public sealed class RefusedMessageInterceptor : SaveChangesInterceptor
{
    public const string Text = "This message is one the database refuses";

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        eventData.Context!.ChangeTracker.Entries<ConversationMessage>().Any(e => e.State == EntityState.Added && e.Entity.Text == Text)
            ? throw new DbUpdateException("The database refused the message.")
            : base.SavingChangesAsync(eventData, result, cancellationToken);
}
