#pragma once

#include "model/environment.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

class QProcess;

namespace gl::test {

// A live sandbox for integration tests: `greenlight-sandbox up` in its own temporary directory, with the
// ports and paths read back from the environment file it writes. The destructor always runs
// `greenlight-sandbox down`, so a failing test leaves no process behind.
class SandboxFixture final {
public:
    SandboxFixture();
    ~SandboxFixture();
    SandboxFixture(const SandboxFixture &) = delete;
    SandboxFixture &operator=(const SandboxFixture &) = delete;

    // Runs `up --dir DIR` plus `upArguments` (e.g. --slots 2). False (and `error`) if it failed.
    [[nodiscard]] bool up(const QStringList &upArguments, QString *error);
    // Starts `up` without waiting; finishUp() waits for it. Lets a test bring up two sandboxes at once.
    void startUp(const QStringList &upArguments);
    [[nodiscard]] bool finishUp(QString *error);

    // Runs `greenlight-sandbox <command> --dir DIR <arguments>`; returns its exit code (-1 if it did not
    // finish in time), stdout in `out` and stderr in `err`.
    int run(const QString &command, const QStringList &arguments = {}, QByteArray *out = nullptr,
        QByteArray *err = nullptr, int timeoutMs = 60000);
    // Runs `down`; returns its exit code. The destructor does not run it again once it succeeded.
    int down(QByteArray *out = nullptr, QByteArray *err = nullptr);

    [[nodiscard]] QString dir() const { return m_dir.path(); }
    [[nodiscard]] QString environmentFile() const { return m_dir.filePath(QStringLiteral("environment.yaml")); }
    // The environment as the core reads it now (re-read on each call: deploy rewrites the file).
    [[nodiscard]] Environment environment() const;
    [[nodiscard]] quint16 frontendPort() const { return m_frontendPort; }
    [[nodiscard]] quint16 prometheusPort() const { return m_prometheusPort; }
    [[nodiscard]] QJsonObject statusJson();
    [[nodiscard]] QJsonObject statsJson();

    // PIDs of every live process (not zombie) whose command line names this sandbox's directory.
    [[nodiscard]] QList<qint64> livePids() const;

    static QString launcherPath();

private:
    bool readPorts(QString *error);

    QTemporaryDir m_dir;
    QProcess *m_upProcess = nullptr;
    bool m_upRan = false;
    bool m_down = false;
    quint16 m_frontendPort = 0;
    quint16 m_prometheusPort = 0;
};

// Blocking helpers over loopback for tests (bounded by their timeouts).
struct HttpAnswer {
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QString version; // X-Version header of the sample service
};
[[nodiscard]] HttpAnswer httpGet(quint16 port, const QString &pathAndQuery, int timeoutMs = 5000);
// `requests` sequential GET / to `port`; counts by version ("" for answers without one, "error" for none).
[[nodiscard]] QMap<QString, int> versionsOf(quint16 port, int requests);
// One command on HAProxy's runtime API (UNIX socket): the reply, empty on success.
[[nodiscard]] QByteArray runtimeCommand(const QString &socketPath, const QByteArray &command, int timeoutMs = 3000);
// The `data.result` array of a Prometheus instant query, empty on failure.
[[nodiscard]] QJsonArray prometheusQuery(quint16 port, const QString &promql);
// The value for the series with label `label`=`value` in a query result; NaN if absent.
[[nodiscard]] double seriesValue(const QJsonArray &result, const QString &label, const QString &value);
// TCP listening sockets (IPv4 and IPv6) held by `pid`, as "address:port" strings (address in /proc hex).
[[nodiscard]] QStringList listeningAddresses(qint64 pid);

} // namespace gl::test
