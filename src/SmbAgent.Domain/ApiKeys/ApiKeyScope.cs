namespace SmbAgent.ApiKeys;

/// <summary>What a key may do on the REST API: read everything, or also change leads and add knowledge.</summary>
public enum ApiKeyScope
{
    Read = 0,
    ReadWrite = 1,
}
