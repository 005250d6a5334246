#pragma once

#include "model/environment.h"

#include <QList>
#include <QString>

namespace gl {

// What changed between two readings of an environment file, in the words people use: "gate cab added;
// approver bob added". Slot versions are left out: they record what was deployed when the file was written, and
// the sandbox's hooks rewrite them on every deploy.
struct EnvironmentChange {
    enum class Subject {
        Name,
        RuntimeApi,
        Backend,
        StateDatabase,
        Slot,
        PrometheusUrl,
        DeployHook,
        UndeployHook,
        Strategies,
        AnalysisSettings, // the analysis section besides its SLIs and rules (interval, window, limits, ...)
        Sli,
        AnalysisRule,
        Approver,
        Gate,
        ChangeWindows, // allowed windows, time zone, override groups
        Freeze,
        RollbackRunbook,
    };
    enum class Kind { Added, Removed, Changed };
    struct Item {
        Subject subject = Subject::Name;
        Kind kind = Kind::Changed;
        QString name; // the slot, gate, approver, SLI, rule or freeze; empty for a setting
        QString value; // the new value where it says something (a URL, a runbook id); else empty

        // "gate cab added", "Prometheus URL changed to http://...", translated.
        [[nodiscard]] QString text() const;
    };

    QList<Item> items;

    [[nodiscard]] bool isEmpty() const { return items.isEmpty(); }
    [[nodiscard]] bool touches(Subject subject) const;
    // A subject that only takes effect when the environment is reopened: its name, its state database, HAProxy's
    // Runtime API and backend (the engine, the console's places and the audit log are bound to them).
    [[nodiscard]] static bool needsReopen(Subject subject);
    [[nodiscard]] bool needsReopen() const;
    // Every item's text joined with "; " in file order, e.g. "gate cab added; approver bob added".
    [[nodiscard]] QString summary() const;
    // The items' texts of the subjects that need reopening ("state database changed").
    [[nodiscard]] QString reopenSummary() const;
};

// What differs between `before` and `after` (two readings of the same file).
[[nodiscard]] EnvironmentChange diffEnvironments(const Environment &before, const Environment &after);

// The configuration to put in force when `fromFile` is a newer reading of the file `inForce` came from: everything
// from `fromFile` except what only reopening changes (EnvironmentChange::needsReopen), which is kept from
// `inForce`. Applying a change is thus never half done: the database, the Runtime API and the backend stay those
// every part of the process already uses.
[[nodiscard]] Environment reloadedEnvironment(const Environment &inForce, const Environment &fromFile);

} // namespace gl
