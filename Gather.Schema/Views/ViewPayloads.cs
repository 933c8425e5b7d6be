using Gather.Infrastructure.Views;
using Gather.Schema.Errors;

namespace Gather.Schema.Views;

public sealed class CreateViewPayloadType() : PayloadGraphType<ViewType, View>(
    "CreateViewPayload", "The created view.", "view", "The view; null when there are errors.");

public sealed class UpdateViewPayloadType() : PayloadGraphType<ViewType, View>(
    "UpdateViewPayload", "The view as changed.", "view", "The view; null when there are errors.");

public sealed class DeleteViewPayloadType() : PayloadGraphType<ViewType, View>(
    "DeleteViewPayload", "The deleted view, as it was.", "view", "The view; null when there are errors.");
