#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gl {

// A file this process holds open under a name that no longer leads to it.
struct DetachedFile {
    enum class Kind {
        Deleted, // the name was unlinked (the descriptor still reads and writes the old, invisible file)
        Replaced, // the name now leads to another file (renamed over, or deleted and created again)
    };
    QString path;
    Kind kind = Kind::Deleted;
};

// The descriptors of this process (/proc/self/fd) open on any of `paths` (absolute, exact names) whose file is no
// longer the one at that name. Reads the descriptor table once: about 1 us per open descriptor.
[[nodiscard]] QList<DetachedFile> findDetachedFiles(const QStringList &paths);

// The (device, inode) pair of the file at `path`; {0, 0} when there is none.
struct FileIdentity {
    quint64 device = 0;
    quint64 inode = 0;
    [[nodiscard]] bool exists() const { return inode != 0; }
    friend bool operator==(const FileIdentity &, const FileIdentity &) = default;
};
[[nodiscard]] FileIdentity fileIdentity(const QString &path);

} // namespace gl
