#pragma once

#include <QList>

namespace gl::sandbox {

// Free TCP ports on 127.0.0.1, found by binding port 0 and releasing it. All `count` ports are held open
// together while picking, so they are distinct; another process may still take one before we use it, so
// callers retry a start that fails to bind.
[[nodiscard]] QList<quint16> pickFreeLoopbackPorts(int count);

} // namespace gl::sandbox
