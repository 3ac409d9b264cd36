namespace SmbAgent.Data;

/// <summary>Becomes 404: also what a caller sees for another tenant's row, which the filters hide.</summary>
public sealed class EntityNotFoundException(string entityName, object id)
    : Exception($"{entityName} '{id}' was not found.")
{
    public string EntityName { get; } = entityName;
}
