using Gather.Infrastructure.Validation;

namespace Gather.Infrastructure.Records;

/// <summary>
/// Why one record of a sync was not written: its position in the batch, the field at fault
/// (empty for the record as a whole) and the rule it broke.
/// </summary>
public sealed record RecordProblem(int Index, string Field, string Rule, string Message) : Problem(Message);
