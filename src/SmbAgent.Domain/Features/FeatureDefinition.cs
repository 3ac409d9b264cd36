namespace SmbAgent.Features;

/// <summary>A feature declared in code. Values are strings, as in ABP; the value type says how to read them.</summary>
public sealed record FeatureDefinition(
    string Name,
    string Group,
    string DisplayName,
    string Description,
    FeatureValueType ValueType,
    string DefaultValue)
{
    public bool IsToggle => ValueType is ToggleValueType;

    public bool IsNumber => ValueType is NumberValueType;
}
