using System.Text.Json.Nodes;
using Gather.Schema.Common;

namespace Gather.Api.ApiDocs;

/// <summary>
/// The request examples of the Sync operation, as the document shows them. The tests post each
/// one to the real endpoint, so an example that stops working fails the build.
/// </summary>
public static class SyncExamples
{
    /// <summary>The product guide's curl line: <c>-d id="1234" -d amount=75 -d stripe_charge_id=ch_4567</c>.</summary>
    public static JsonObject Form() => new() { ["id"] = "1234", ["amount"] = "75", ["stripe_charge_id"] = "ch_4567" };

    public static JsonObject OneRecord() => new() { ["id"] = "1234", ["amount"] = 75, ["stripe_charge_id"] = "ch_4567" };

    public static JsonArray Batch() =>
    [
        new JsonObject { ["id"] = "1234", ["amount"] = 75, ["stripe_charge_id"] = "ch_4567" },
        new JsonObject { ["id"] = "1235", ["amount"] = 19.9, ["status"] = "paid", ["shipping"] = new JsonObject { ["city"] = "Lyon" } },
    ];

    public static JsonObject Response() => new()
    {
        ["modelId"] = "model_4f2a9c1e",
        ["created"] = 1,
        ["updated"] = 1,
        ["unchanged"] = 0,
        ["records"] = new JsonArray(
            new JsonObject { ["index"] = 0, ["id"] = "1234", ["status"] = "updated" },
            new JsonObject { ["index"] = 1, ["id"] = "1235", ["status"] = "created" }),
        ["errors"] = new JsonArray(),
    };

    public static JsonObject PartlyRefused() => new()
    {
        ["modelId"] = "model_4f2a9c1e",
        ["created"] = 1,
        ["updated"] = 0,
        ["unchanged"] = 0,
        ["records"] = new JsonArray(new JsonObject { ["index"] = 0, ["id"] = "1236", ["status"] = "created" }),
        ["errors"] = new JsonArray(new JsonObject
        {
            ["message"] = "Field 'amount' is INT, set by the first values synced into it, and this value is a string. Send an integer, "
                          + "or declare the field JSON with declareModelFields to accept any value (or declare another type to change it).",
            ["extensions"] = new JsonObject { ["code"] = ErrorCodes.InvalidRecord, ["index"] = 1, ["field"] = "amount", ["rule"] = "type" },
        }),
    };
}
