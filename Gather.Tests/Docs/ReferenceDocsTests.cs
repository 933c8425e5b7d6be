using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gather.Api.Hosting;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Schema.Common;
using Gather.Schema.Integrations.StripeIntegration;

namespace Gather.Tests.Docs;

/// <summary>
/// The reference pages stay true to the code: the configuration reference lists every setting with
/// the default <c>appsettings.json</c> gives it, and the error reference every error code.
/// </summary>
public sealed partial class ReferenceDocsTests
{
    private const string None = "*(none)*";

    [Fact]
    public void Every_setting_in_appsettings_is_documented_with_its_default()
    {
        var settings = Leaves(JsonNode.Parse(RepositoryFiles.Read("Gather.Api/appsettings.json"))!, "");
        var documented = DocumentedSettings();

        var missing = settings.Keys.Except(documented.Keys).ToList();
        var wrongDefault = settings.Where(s => documented.TryGetValue(s.Key, out var d) && d != s.Value)
            .Select(s => $"{s.Key}: appsettings.json has {s.Value}, configuration.md says {documented[s.Key]}").ToList();

        Assert.True(missing.Count == 0, "Not in docs/reference/configuration.md: " + string.Join(", ", missing));
        Assert.True(wrongDefault.Count == 0, string.Join("\n", wrongDefault));
    }

    [Fact]
    public void Every_documented_setting_exists_and_every_option_is_documented()
    {
        var settings = Leaves(JsonNode.Parse(RepositoryFiles.Read("Gather.Api/appsettings.json"))!, "");
        var options = OptionKeys();
        var documented = DocumentedSettings();

        var unknown = documented.Keys.Where(k => !settings.ContainsKey(k) && !options.Contains(k)).ToList();
        var undocumented = options.Where(k => !documented.ContainsKey(k)).ToList();

        Assert.True(documented.Count > 100, $"Only {documented.Count} settings were read from configuration.md; has its table format changed?");
        Assert.True(unknown.Count == 0, "Documented, but neither in appsettings.json nor an options class: " + string.Join(", ", unknown));
        Assert.True(undocumented.Count == 0, "Options not in docs/reference/configuration.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Every_error_code_is_documented_and_every_documented_code_exists()
    {
        var defined = Constants(typeof(ErrorCodes)).Concat(Constants(typeof(StripeErrorCodes))).Concat(Constants(typeof(IntegrationTaskWarning))).Append(StoreUnavailableHandler.Code).ToHashSet();
        var documented = ErrorRow().Matches(RepositoryFiles.Read("docs/reference/errors.md"))
            .Select(m => (Code: m.Groups["code"].Value, Status: m.Groups["status"].Value.Trim())).ToList();

        Assert.Empty(defined.Except(documented.Select(d => d.Code)));
        Assert.Empty(documented.Select(d => d.Code).Except(defined));
        Assert.Equal(documented.Count, documented.Select(d => d.Code).Distinct().Count());
        Assert.All(documented, d => Assert.False(string.IsNullOrEmpty(d.Status), $"{d.Code} has no HTTP status"));
    }

    [Fact]
    public void Every_relative_link_of_the_reference_and_backup_pages_leads_to_a_file()
    {
        var pages = Directory.GetFiles(RepositoryFiles.PathOf("docs/reference"), "*.md").Append(RepositoryFiles.PathOf("docs/operations/backups.md"));
        var dead = pages.SelectMany(page => MarkdownLink().Matches(File.ReadAllText(page))
                .Select(m => m.Groups["target"].Value)
                .Where(target => !target.Contains("://") && !target.StartsWith('#'))
                .Where(target => !Path.Exists(Path.Combine(Path.GetDirectoryName(page)!, target.Split('#')[0])))
                .Select(target => $"{Path.GetFileName(page)} -> {target}"))
            .ToList();

        Assert.True(dead.Count == 0, "Dead links: " + string.Join(", ", dead));
    }

    /// <summary>The key and default of each row of configuration.md's tables.</summary>
    private static Dictionary<string, string> DocumentedSettings() =>
        SettingRow().Matches(RepositoryFiles.Read("docs/reference/configuration.md"))
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["default"].Value.Trim().Trim('`'));

    /// <summary>appsettings.json's settings as configuration keys, each with its default as the docs write it.</summary>
    private static Dictionary<string, string> Leaves(JsonNode node, string prefix)
    {
        if (node is JsonObject obj && obj.Count > 0)
            return obj.SelectMany(member => member.Value is null
                    ? new Dictionary<string, string> { [Join(prefix, member.Key)] = None }
                    : Leaves(member.Value, Join(prefix, member.Key)))
                .ToDictionary();
        var value = node switch
        {
            JsonArray { Count: 0 } => None,
            JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0 ? None : s,
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
            _ => node.ToJsonString(),
        };
        return new() { [prefix] = value };
    }

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : $"{prefix}:{key}";

    /// <summary>Every settable property of every options class (a class with a <c>Section</c> constant), as a configuration key.</summary>
    private static HashSet<string> OptionKeys() =>
        new[] { typeof(ErrorCodes).Assembly, typeof(StoreUnavailableHandler).Assembly, typeof(IntegrationTaskWarning).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Section is { IsLiteral: true } && t.Section.FieldType == typeof(string))
            .SelectMany(t => t.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{t.Section!.GetRawConstantValue()}:{p.Name}"))
            .ToHashSet();

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    [GeneratedRegex(@"^\| `(?<key>[A-Za-z][^`]*)` \| (?<default>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex SettingRow();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^\| `(?<code>[A-Z_]+)` \| (?<status>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex ErrorRow();
}
