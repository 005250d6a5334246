#pragma once

#include "model/approvalsconfig.h"
#include "model/sliconfig.h"
#include "model/strategyconfig.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace gl {

// One HAProxy server line of the environment's backend. Its address stays; the process behind it changes.
struct ServerSlot {
    QString name; // HAProxy server name, e.g. "blue1"
    QString colour; // "blue" or "green"
    QString address; // host:port of the service behind the slot
    QString version; // version deployed there when the file was written; empty when idle
};

// An environment, as described by its environment file (see README, "Environment file").
struct Environment {
    QString filePath; // absolute path of the file it was read from
    QString name; // display name
    QString runtimeApi; // HAProxy Runtime API: a UNIX socket path or host:port
    QString backend; // HAProxy backend holding the slots, e.g. "be_app"
    QList<ServerSlot> serverSlots;
    QUrl prometheusUrl; // base URL of the Prometheus HTTP API
    QString deployHook; // command template with {slot}, {version}, {address}
    QString undeployHook; // command template with {slot}, {address}
    QString stateDatabase; // absolute path of the environment's state database
    StrategyConfig strategies; // the optional `strategies:` section (defaults when absent)
    AnalysisConfig analysis; // the optional `analysis:` section (configured == false when absent)
    ApprovalsConfig approvals; // `approvers:`, `gates:`, `change_windows:`, `freezes:` (docs/approvals.md)
    // `runbooks: {rollback: ID}` (optional, docs/runbooks.md): the runbook a rollout that was aborted or rolled
    // back offers to follow; empty when the file names none.
    QString rollbackRunbook;

    [[nodiscard]] bool runtimeApiIsUnixSocket() const { return runtimeApi.startsWith(u'/'); }
    [[nodiscard]] QStringList colours() const;
    [[nodiscard]] QList<ServerSlot> slotsOfColour(const QString &colour) const;
};

} // namespace gl
