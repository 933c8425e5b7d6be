namespace Gather.Infrastructure.IntegrationTasks;

/// <summary>A task cannot go on for a reason its status should show (a deleted model, the integration's service failing after retries).</summary>
public sealed class IntegrationTaskException(string message) : Exception(message);
