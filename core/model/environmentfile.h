#pragma once

#include "model/environment.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace gl {

// Reads and validates an environment file (YAML). Errors name the file, line and field, e.g.
// "environment.yaml:12: haproxy.slots[2].address: expected host:port, got \"localhost\"".
[[nodiscard]] Result<Environment> loadEnvironmentFile(const QString &path);

// Parses environment YAML held in memory; `path` is used in messages and to resolve relative paths.
[[nodiscard]] Result<Environment> parseEnvironment(const QByteArray &yaml, const QString &path);

} // namespace gl
