#pragma once

#include <QString>

namespace gl::test {

// Replaces the top-level `key:` section of an environment file (from its line up to the next top-level key)
// with `section`, which must start with "key:" and end with a newline. False when the file cannot be read or
// written, or has no such section. For tests and benchmarks that tune the sandbox's environment file.
[[nodiscard]] bool replaceEnvironmentSection(const QString &envFile, const QString &key, const QString &section);

} // namespace gl::test
