using Gather.Schema;
using Gather.Tests.Support;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace Gather.Tests.Schema;

/// <summary>The public schema is a contract: any change shows up as a snapshot diff.</summary>
public sealed class SchemaSdlTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public void The_schema_SDL_matches_the_snapshot()
    {
        var schema = _app.Services.GetRequiredService<ISchema>();

        var sdl = schema.Print();

        Snapshot.Match(sdl);
    }

    [Fact]
    public void Every_root_field_declares_a_scope()
    {
        var schema = _app.Services.GetRequiredService<ISchema>();
        schema.Initialize();

        var rootFields = schema.Query.Fields.Concat(schema.Mutation!.Fields);

        Assert.All(rootFields, field => Assert.NotNull(Gather.Schema.Common.ScopeRequirement.RequiredScope(field)));
    }
}
