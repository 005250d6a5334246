#pragma once

#include "sandboxstate.h"

#include <QLockFile>
#include <QString>
#include <QTextStream>

#include <memory>
#include <optional>

namespace gl::sandbox {

// The commands of greenlight-sandbox (see docs/sandbox.md). Each returns the process exit code:
// 0 success, 1 failure, 2 usage error.
class SandboxLauncher final {
public:
    SandboxLauncher(QString dir, QTextStream &out, QTextStream &err);

    struct UpOptions {
        int slotsPerColour = 4;
        QString version = QStringLiteral("v1");
        double rps = 50;
        QString name = QStringLiteral("sandbox");
    };
    int up(const UpOptions &options);
    int down();
    int status(bool json);
    int stats(bool json);
    int fault(const QString &version, std::optional<double> errorRate, std::optional<int> latencyMs, bool clear);
    int deploy(const QString &slot, const QString &version);
    int undeploy(const QString &slot);

private:
    // Starts the sample service for `slot` at `version` (with that version's faults) and waits until it is
    // healthy. Records it in `state`. Returns an error text.
    QString startService(SandboxState &state, const QString &slot, const QString &version);
    QString startHaproxy(SandboxState &state);
    QString startPrometheus(SandboxState &state);
    QString startLoadGenerator(SandboxState &state);
    QString waitForHaproxyServing(const SandboxState &state, int timeoutMs);
    QString waitForFirstScrape(const SandboxState &state, int expectedTargets, int timeoutMs);
    // Stops every recorded process (load generator first); returns how many could not be stopped.
    int stopAll(SandboxState &state, bool verbose);
    QString logTail(const QString &path) const;
    [[nodiscard]] bool lock();

    QString m_dir;
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace gl::sandbox
