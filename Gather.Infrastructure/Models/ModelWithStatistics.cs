namespace Gather.Infrastructure.Models;

/// <summary>A model and how many of its records carry each (path, kind), read together (<see cref="IModelStore.GetWithFieldStatisticsAsync"/>).</summary>
public sealed record ModelWithStatistics(Model Model, IReadOnlyList<FieldStatistic> Statistics);
