#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>

#include <cstdio>
#include <memory>

Q_LOGGING_CATEGORY(lcStorage, "greenlight.core.storage")
Q_LOGGING_CATEGORY(lcCredentials, "greenlight.core.credentials")
Q_LOGGING_CATEGORY(lcEnvironment, "greenlight.core.environment")
Q_LOGGING_CATEGORY(lcHaproxy, "greenlight.core.haproxy")
Q_LOGGING_CATEGORY(lcPrometheus, "greenlight.core.prometheus")
Q_LOGGING_CATEGORY(lcEngine, "greenlight.core.engine")
Q_LOGGING_CATEGORY(lcApp, "greenlight.app")

namespace gl {
namespace {

QMutex g_logMutex;
QFile *g_logFile = nullptr;
QtMessageHandler g_previous = nullptr;

void fileLogHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        if (g_logFile) {
            const QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' '
                + qFormatLogMessage(type, context, message) + u'\n';
            g_logFile->write(line.toUtf8());
            g_logFile->flush();
        }
    }
    if (g_previous)
        g_previous(type, context, message);
}

} // namespace

bool installFileLog(const QString &path)
{
    QMutexLocker lock(&g_logMutex);
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::Append | QIODevice::Text))
        return false;
    file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    delete g_logFile;
    g_logFile = file.release();
    QtMessageHandler previous = qInstallMessageHandler(fileLogHandler);
    if (previous != fileLogHandler)
        g_previous = previous;
    return true;
}

void removeFileLog()
{
    QMutexLocker lock(&g_logMutex);
    qInstallMessageHandler(g_previous);
    g_previous = nullptr;
    delete g_logFile;
    g_logFile = nullptr;
}

} // namespace gl
