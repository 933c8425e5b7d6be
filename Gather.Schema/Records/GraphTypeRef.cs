using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>
/// A graph type as a field refers to it: by its class in Gather's own schema, where a type is
/// found (and printed in the SDL) where it is first used, or by name in a team's typed schema,
/// whose types are built per team and resolved when the schema is.
/// </summary>
public sealed class GraphTypeRef
{
    private readonly Type? _class;
    private readonly string? _name;

    private GraphTypeRef(Type? type, string? name) => (_class, _name) = (type, name);

    public static GraphTypeRef Of<T>() where T : IGraphType => new(typeof(T), null);

    public static GraphTypeRef Named(string name) => new(null, name);

    /// <summary>The type itself: <c>T</c>.</summary>
    public FieldType Nullable(FieldType field) => Set(field, t => t, t => t);

    /// <summary><c>T!</c>.</summary>
    public FieldType NonNull(FieldType field) => Set(field, t => typeof(NonNullGraphType<>).MakeGenericType(t), t => new NonNullGraphType(t));

    /// <summary><c>[T!]!</c>.</summary>
    public FieldType NonNullList(FieldType field) => Set(field,
        t => typeof(NonNullGraphType<>).MakeGenericType(typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(t))),
        t => new NonNullGraphType(new ListGraphType(new NonNullGraphType(t))));

    private FieldType Set(FieldType field, Func<Type, Type> wrapClass, Func<IGraphType, IGraphType> wrapNamed)
    {
        if (_class is not null)
            field.Type = wrapClass(_class);
        else
            field.ResolvedType = wrapNamed(new GraphQLTypeReference(_name!));
        return field;
    }
}
