#pragma once

#include <QLoggingCategory>
#include <QString>

// Diagnostic logging categories. Enable with QT_LOGGING_RULES="greenlight.*.debug=true".
// Never log a token, password, private key or Authorization header. The audit log is domain data, not logging.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcCredentials)
Q_DECLARE_LOGGING_CATEGORY(lcEnvironment)
Q_DECLARE_LOGGING_CATEGORY(lcHaproxy)
Q_DECLARE_LOGGING_CATEGORY(lcPrometheus)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcApp)

namespace gl {

// Sends Qt's log output to a file as well as stderr (the app's diagnostic log, under the user's state
// directory). Returns false when the file cannot be opened; logging to stderr continues either way.
bool installFileLog(const QString &path);
void removeFileLog();

} // namespace gl
