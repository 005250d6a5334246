#pragma once

#include <QString>

namespace gl::test {

// The source and build trees, as set by gl_add_test (GL_SOURCE_DIR / GL_BINARY_DIR).
[[nodiscard]] QString sourceDir();
[[nodiscard]] QString binaryDir();
// An executable built by this project (greenlightctl, greenlight-sandbox, ...), by target name.
[[nodiscard]] QString builtExecutable(const QString &name);
// A file under tests/data.
[[nodiscard]] QString dataFile(const QString &relative);

} // namespace gl::test
