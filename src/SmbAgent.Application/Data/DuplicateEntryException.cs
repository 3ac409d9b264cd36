using Microsoft.EntityFrameworkCore;

namespace SmbAgent.Data;

/// <summary>
/// A save the database refused because a unique index already holds the key. The EF layer translates the
/// driver's error into this, so app services name the concept and never the provider (Application doesn't see
/// the EF project). It is still a <see cref="DbUpdateException"/>, with the driver's error inside, as EF Core's
/// own <see cref="DbUpdateConcurrencyException"/> is.
/// </summary>
public sealed class DuplicateEntryException(DbUpdateException refused)
    : DbUpdateException(refused.Message, refused.InnerException, refused.Entries);
