#!/usr/bin/env bash
# Writes docs/reference/schema.md from the schema a new team gets (GET /graphql?sdl), by running
# the test that otherwise fails when the file is stale.
set -euo pipefail
cd "$(dirname "$0")/../.."
GATHER_WRITE_DOCS=1 dotnet test Gather.Tests --filter "FullyQualifiedName~Gather.Tests.Docs.SchemaReferenceTests" "$@"
