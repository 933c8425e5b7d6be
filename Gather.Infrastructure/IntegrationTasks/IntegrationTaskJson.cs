using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gather.Infrastructure.IntegrationTasks;

/// <summary>How stores keep a task's options and state: one JSON shape for both adapters (camelCase, enums by name).</summary>
public static class IntegrationTaskJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
                                            ?? throw new JsonException($"A stored {typeof(T).Name} was null.");
}
