#include "environmentwatcher.h"

#include "model/environmentfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

namespace gl {

Q_LOGGING_CATEGORY(lcEnvironmentWatcher, "greenlight.core.environmentwatcher")

namespace {

Result<QByteArray> readBounded(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists())
        return makeError(ErrorCode::NotFound,
            QCoreApplication::translate("gl::EnvironmentWatcher",
                "%1: the environment file is gone; the last good configuration stays in force")
                .arg(name),
            path);
    if (!info.isFile())
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("gl::EnvironmentWatcher", "%1: not a regular file").arg(name), path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
            QCoreApplication::translate("gl::EnvironmentWatcher", "%1: cannot read the environment file: %2")
                .arg(name, file.errorString()),
            path);
    QByteArray bytes = file.read(EnvironmentWatcher::MaxFileBytes + 1);
    if (bytes.size() > EnvironmentWatcher::MaxFileBytes)
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("gl::EnvironmentWatcher", "%1: larger than %2 bytes: not an environment file")
                .arg(name)
                .arg(EnvironmentWatcher::MaxFileBytes),
            path);
    return bytes;
}

} // namespace

EnvironmentWatcher::EnvironmentWatcher(Environment inForce, QObject *parent)
    : QObject(parent)
    , m_inForce(std::move(inForce))
    , m_fromFile(m_inForce)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &EnvironmentWatcher::check);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &EnvironmentWatcher::noticed);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &EnvironmentWatcher::noticed);
    // What the file holds now is what was opened (read a moment ago): later readings compare with it.
    if (Result<QByteArray> bytes = readBounded(m_inForce.filePath); bytes)
        m_lastBytes = *bytes;
    watchPaths();
}

void EnvironmentWatcher::watchPaths()
{
    // inotify drops the watch of a file replaced by a rename or deleted: add it back whenever the file exists.
    const QString path = m_inForce.filePath;
    const QString folder = QFileInfo(path).absolutePath();
    if (!m_watcher.directories().contains(folder) && QFileInfo(folder).isDir())
        m_watcher.addPath(folder);
    if (!m_watcher.files().contains(path) && QFileInfo(path).isFile())
        m_watcher.addPath(path);
}

void EnvironmentWatcher::noticed()
{
    watchPaths();
    m_debounce.start(); // (re)starts: a burst of writes is read once, after the last one
}

void EnvironmentWatcher::check()
{
    m_debounce.stop();
    watchPaths();
    const QString path = m_inForce.filePath;
    Result<QByteArray> bytes = readBounded(path);
    if (bytes && *bytes == m_lastBytes) {
        if (m_error) { // valid again, as it was before: nothing changes, but the error is over
            m_error.reset();
            Q_EMIT changed(m_inForce, {});
        }
        return;
    }
    Result<Environment> parsed = bytes ? parseEnvironment(*bytes, path) : Result<Environment>(bytes.error());
    if (!parsed) {
        const bool same = m_error && m_error->message == parsed.error().message;
        m_error = parsed.error();
        if (!same) {
            qCInfo(lcEnvironmentWatcher) << "environment file not applied:" << parsed.error().toString();
            Q_EMIT invalid(parsed.error());
        }
        return;
    }
    const EnvironmentChange change = diffEnvironments(m_fromFile, *parsed);
    m_lastBytes = *bytes;
    m_fromFile = *parsed;
    m_inForce = reloadedEnvironment(m_inForce, *parsed);
    m_error.reset();
    qCInfo(lcEnvironmentWatcher) << "environment file changed:" << QDir::toNativeSeparators(path) << change.summary();
    Q_EMIT changed(m_inForce, change);
}

} // namespace gl
