using System.Buffers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Caching.Hybrid;

namespace SmbAgent.Caching;

/// <summary>
/// JSON for cached values that hold entities. Entities keep their invariants with private setters and a private
/// constructor for EF; this reads them back the way EF does (private constructor, every property set), so a cached
/// entity is the same as a loaded one, a property added later included.
/// </summary>
public sealed class EntityJsonSerializer<T> : IHybridCacheSerializer<T>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { UseParameterlessConstructor } },
    };

    public T Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize<T>(ref reader, Options)!;
    }

    public void Serialize(T value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, Options);
    }

    private static void UseParameterlessConstructor(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object
            || info.Type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes) is not { } constructor)
        {
            return;
        }

        info.CreateObject = () => constructor.Invoke(null);
        foreach (var property in info.Properties)
        {
            if (property.Set is null && property.AttributeProvider is PropertyInfo { SetMethod: { } setter })
            {
                property.Set = (target, value) => setter.Invoke(target, [value]);
            }
        }
    }
}
