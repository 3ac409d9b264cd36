namespace SmbAgent.Data;

/// <summary>A rule of the domain refused the request; becomes a 4xx problem with a stable code.</summary>
public sealed class BusinessException(string code, string message, int status = 400) : Exception(message)
{
    public string Code { get; } = code;

    public int Status { get; } = status;
}
