namespace SmbAgent.Data;

/// <summary>Deleting such an entity marks it deleted; a named query filter hides it from reads.</summary>
public interface ISoftDelete
{
    bool IsDeleted { get; set; }

    DateTimeOffset? DeletionTime { get; set; }
}
