// Shared by the rollout integration tests (tst_rollout_*.cpp): greenlightctl as a user runs it, against a
// real sandbox (HAProxy, sample services, load generator) in a temporary directory.
#pragma once

#include "sandboxfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace gl::test {

inline QString greenlightctlPath()
{
    const QString path = qEnvironmentVariable("GL_BINARY_DIR") + QStringLiteral("/app/greenlightctl");
    return QFile::exists(path) ? path : QString();
}

struct CtlResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs greenlightctl to its end (bounded).
inline CtlResult ctl(const QStringList &arguments, int timeoutMs = 90000)
{
    QProcess process;
    process.start(greenlightctlPath(), arguments);
    CtlResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        result.err = "timed out: greenlightctl " + arguments.join(u' ').toUtf8();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// `greenlightctl engine --env FILE` in the background; stopped (SIGTERM, then SIGKILL) when destroyed.
class EngineProcess {
public:
    explicit EngineProcess(const QString &envFile)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(greenlightctlPath(), {QStringLiteral("engine"), QStringLiteral("--env"), envFile});
        m_process.waitForStarted(5000);
    }
    ~EngineProcess() { stop(); }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    void killHard() // SIGKILL: no chance to release the lock or finish a write
    {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }
    [[nodiscard]] QByteArray output() { return m_process.readAll(); }

private:
    QProcess m_process;
};

inline QJsonObject statusJson(const QString &envFile)
{
    const CtlResult r
        = ctl({QStringLiteral("status"), QStringLiteral("--env"), envFile, QStringLiteral("--json")}, 15000);
    return QJsonDocument::fromJson(r.out).object();
}

inline QJsonObject rolloutOf(const QString &envFile)
{
    return statusJson(envFile).value(u"rollout").toObject();
}

// Waits until the latest rollout satisfies `predicate` (polls status --json); false on timeout.
template<typename Predicate> bool waitForRollout(const QString &envFile, Predicate predicate, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const QJsonObject rollout = rolloutOf(envFile);
        if (!rollout.isEmpty() && predicate(rollout))
            return true;
        QTest::qWait(150);
    }
    return false;
}

// Weight HAProxy reports for each server of be_app (show servers state: srv_uweight) and admin state.
inline QMap<QString, int> serverWeights(const QString &socket)
{
    QMap<QString, int> weights;
    const QList<QByteArray> lines = runtimeCommand(socket, "show servers state be_app").split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> cells = line.split(' ');
        if (line.startsWith('#') || cells.size() < 9)
            continue;
        weights.insert(QString::fromUtf8(cells.at(3)), cells.at(7).toInt());
    }
    return weights;
}

// The load generator lost no request: no connection error, no timeout, no 503 from HAProxy.
#define GL_VERIFY_NOTHING_LOST(sandbox)                                                                                \
    do {                                                                                                               \
        const QJsonObject stats_ = (sandbox).statsJson();                                                              \
        QVERIFY2(stats_.value(u"total").toInteger() > 0, "the load generator answered nothing");                       \
        QCOMPARE(stats_.value(u"connectionErrors").toInteger(), 0);                                                    \
        QCOMPARE(stats_.value(u"haproxy503").toInteger(), 0);                                                          \
        QCOMPARE(stats_.value(u"lost").toInteger(), 0);                                                                \
    } while (false)

} // namespace gl::test
