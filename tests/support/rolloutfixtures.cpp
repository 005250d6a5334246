#include "rolloutfixtures.h"

#include <QTemporaryDir>

namespace gl::test {

Environment environmentIn(const QTemporaryDir &dir)
{
    Environment env;
    env.name = QStringLiteral("staging");
    env.filePath = dir.filePath(QStringLiteral("environment.yaml"));
    env.runtimeApi = dir.filePath(QStringLiteral("no-haproxy.sock"));
    env.backend = QStringLiteral("be_app");
    env.serverSlots
        = {{QStringLiteral("blue1"), QStringLiteral("blue"), QStringLiteral("127.0.0.1:1"), QStringLiteral("v1")},
            {QStringLiteral("green1"), QStringLiteral("green"), QStringLiteral("127.0.0.1:2"), QString()}};
    env.stateDatabase = dir.filePath(QStringLiteral("state.db"));
    return env;
}

RolloutRecord runningCanary()
{
    RolloutRecord record;
    record.versionFrom = QStringLiteral("v1");
    record.versionTo = QStringLiteral("v2");
    record.strategy = QStringLiteral("canary");
    record.state = RolloutState::Running;
    record.stepCount = 4;
    record.stepIndex = 0;
    record.desiredShare = 5;
    record.actualShare = 5;
    record.startedAt = QStringLiteral("2026-01-01T10:00:00.000Z");
    record.startedBy = QStringLiteral("ana@vm");
    return record;
}

} // namespace gl::test
