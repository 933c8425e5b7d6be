namespace Gather.Schema.Typed;

/// <summary>
/// How many typed fields a team's schema gives one model, and the team in all, so that a client
/// syncing thousands of distinct field names cannot make a schema that is slow to build and large
/// to keep. Fields past them are left out of the type (each with its reason) and stay readable
/// through the generic API.
/// </summary>
public sealed record TypedApiLimits(int MaxFieldsPerModel, int MaxFieldsPerTeam)
{
    public static readonly TypedApiLimits None = new(int.MaxValue, int.MaxValue);

    public static TypedApiLimits From(GraphQLLimitsOptions options) => new(options.MaxTypedFieldsPerModel, options.MaxTypedFieldsPerTeam);
}
