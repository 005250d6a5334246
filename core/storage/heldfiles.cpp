#include "heldfiles.h"

#include <QFile>

#include <algorithm>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gl {

FileIdentity fileIdentity(const QString &path)
{
    struct stat info { };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    return {quint64(info.st_dev), quint64(info.st_ino)};
}

QList<DetachedFile> findDetachedFiles(const QStringList &paths)
{
    QList<DetachedFile> found;
    if (paths.isEmpty())
        return found;
    DIR *fds = ::opendir("/proc/self/fd");
    if (!fds)
        return found;
    static const QByteArray kDeleted(" (deleted)");
    const int own = ::dirfd(fds);
    char target[4096];
    while (const dirent *entry = ::readdir(fds)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9' || ::atoi(entry->d_name) == own)
            continue;
        const QByteArray link = QByteArrayLiteral("/proc/self/fd/") + entry->d_name;
        const ssize_t length = ::readlink(link.constData(), target, sizeof target);
        if (length <= 0 || length >= ssize_t(sizeof target))
            continue;
        QByteArray name(target, int(length));
        const bool deleted = name.endsWith(kDeleted);
        if (deleted)
            name.chop(kDeleted.size());
        const QString path = QFile::decodeName(name);
        if (!paths.contains(path))
            continue;
        const auto seen = [&](DetachedFile::Kind kind) {
            return std::any_of(
                found.cbegin(), found.cend(), [&](const DetachedFile &f) { return f.path == path && f.kind == kind; });
        };
        if (deleted) { // several connections (threads) hold the same file: named once
            if (!seen(DetachedFile::Kind::Deleted))
                found.append({path, DetachedFile::Kind::Deleted});
            continue;
        }
        struct stat held { };
        if (::stat(link.constData(), &held) != 0) // the descriptor was closed meanwhile
            continue;
        if (fileIdentity(path) != FileIdentity {quint64(held.st_dev), quint64(held.st_ino)}
            && !seen(DetachedFile::Kind::Replaced))
            found.append({path, DetachedFile::Kind::Replaced});
    }
    ::closedir(fds);
    return found;
}

} // namespace gl
