#pragma once

#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

namespace gl {

// Runs one deploy or undeploy hook: a job object. The command template is split into words with
// QProcess::splitCommand (double quotes group words; no shell), then {slot}, {version} and {address} are
// replaced inside each word, so a value can never add or split an argument. finished() is emitted exactly
// once: success when the process exits 0, Timeout when it ran longer than the timeout (it is killed),
// Refused with the tail of its output when it exits non-zero, Unavailable when it cannot start.
class HookRunner final : public QObject {
    Q_OBJECT

public:
    HookRunner(QString commandTemplate, QHash<QString, QString> placeholders, int timeoutMs, QObject *parent = nullptr);
    ~HookRunner() override;

    // The program and arguments the template expands to; InvalidArgument when the template is empty.
    [[nodiscard]] static Result<QStringList> expand(
        const QString &commandTemplate, const QHash<QString, QString> &values);

    void start();
    [[nodiscard]] QString commandLine() const { return m_commandLine; }

signals:
    // On success, the last lines the hook printed.
    void finished(const gl::Result<QString> &output);

private:
    void finish(Result<QString> result);
    [[nodiscard]] QString outputTail() const;

    QString m_template;
    QHash<QString, QString> m_values;
    QString m_commandLine;
    QProcess m_process;
    QTimer m_timer;
    QByteArray m_output;
    bool m_finished = false;
    bool m_timedOut = false;
};

} // namespace gl
