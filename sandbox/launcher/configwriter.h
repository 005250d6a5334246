#pragma once

#include "sandboxstate.h"

#include <QString>

namespace gl::sandbox {

// Writes the files the sandbox's processes and the console read, from the embedded templates
// (:/sandbox/templates/) and the sandbox state. Each returns an error text, empty on success.
namespace configwriter {

[[nodiscard]] QString writeHaproxyConfig(const SandboxState &state);
[[nodiscard]] QString writePrometheusConfig(const SandboxState &state);
// DIR/service-targets.json: Prometheus file_sd targets, one per running service, labelled slot/colour.
[[nodiscard]] QString writeServiceTargets(const SandboxState &state);
// DIR/environment.yaml (format: docs/sandbox.md), then reads it back with the core parser.
[[nodiscard]] QString writeEnvironmentFile(const SandboxState &state, const QString &launcherPath);

} // namespace configwriter
} // namespace gl::sandbox
