using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmbAgent.Input;

/// <summary>
/// Refuses, while a JSON body is read, any string <see cref="StorableText"/> can't keep; the serializer adds the
/// property's path, which <see cref="ErrorHandling.SmbAgentExceptionHandler"/> names in the 400.
/// </summary>
public sealed class StorableStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string, found {reader.TokenType}.");
        }

        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") can't become a .NET string the serializer accepts.
            throw new JsonException(StorableText.Problem);
        }

        return StorableText.IsStorable(text) ? text : throw new JsonException(StorableText.Problem);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
