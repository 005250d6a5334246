#pragma once

#include "engine/enginelock.h"
#include "engine/rolloutplanner.h"
#include "engine/rolloutstore.h"
#include "model/environment.h"
#include "util/clock.h"
#include "util/result.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

namespace gl {

class HaproxyRuntimeClient;
class HaproxyStateKeeper;
class HookRunner;

// Drives the rollouts of one environment: exactly one engine per environment at a time (EngineLock).
//
// Everything goes through the state database: operators (greenlightctl, the GUI) put actions in the action
// queue (RolloutStore::enqueueAction) and watch the rollout row; the engine polls the queue every tick
// (default 100 ms), answers each action, and runs the rollout's planned operations one at a time, writing
// each operation's intent before the HAProxy batch or hook and its result after (see rolloutop.h). On start
// it reconciles the recorded HAProxy state of an unfinished rollout with what HAProxy reports (re-applying
// it after a reload) and goes on, or holds the rollout when HAProxy cannot be reached.
class RolloutEngine final : public QObject {
    Q_OBJECT

public:
    struct Options {
        int tickMs = 100;
        int heartbeatMs = 500;
        qint64 staleAfterMs = EngineLock::DefaultStaleAfterMs;
        QString actor; // who this engine acts as in events ("engine@host")
    };

    RolloutEngine(Environment environment, StateStore &store, const Clock &clock, Options options, QObject *parent = nullptr);
    RolloutEngine(Environment environment, StateStore &store, const Clock &clock, QObject *parent = nullptr);
    ~RolloutEngine() override;

    // Takes the engine lock and starts driving; Locked when another engine drives this environment.
    [[nodiscard]] Status start();
    // Stops driving and releases the lock. A hook still running is stopped (its operation stays `running`
    // and is run again by the next engine).
    void stop();
    [[nodiscard]] bool isRunning() const { return m_timer.isActive(); }
    // True while an operation or an action is being carried out (not between ticks).
    [[nodiscard]] bool isBusy() const { return m_busy; }

    [[nodiscard]] RolloutStore &store() { return m_store; }
    [[nodiscard]] const Environment &environment() const { return m_env; }
    [[nodiscard]] std::optional<RolloutRecord> current() const { return m_record; }

    // The actor name used when none is given: "$USER@host".
    [[nodiscard]] static QString defaultActor();

signals:
    void rolloutChanged(const gl::RolloutRecord &record);
    void actionAnswered(qint64 actionId, bool done, const QString &answer);
    // The engine stopped on its own (the lock was taken over, the database failed).
    void stoppedWithError(const gl::Error &error);

private:
    void tick();
    void loadCurrent();
    void reconcile();
    void processActions();
    void handleAction(const ActionRecord &action);
    void handleStart(const ActionRecord &action, const QString &version, qint64 retryOf);
    void answer(qint64 actionId, bool done, const QString &text, qint64 rolloutId = 0);
    void drive();
    void execute(int index);
    void executeSetServers(int index);
    void executeWait(int index);
    void executeHook(int index);
    void opDone(int index, const QString &result, std::optional<double> actualShare = std::nullopt);
    void opFailed(int index, const Error &error);
    void finishRollout();
    [[nodiscard]] bool save(const QList<int> &opIndexes);
    void event(const QString &actor, const QString &kind, const QString &detail);
    void updateDesired(const QList<ServerChange> &changes);
    [[nodiscard]] QSet<QString> newSlots() const;
    [[nodiscard]] RolloutFacts facts() const;
    [[nodiscard]] QString envArg() const;
    void fatal(const Error &error);

    Environment m_env;
    RolloutStore m_store;
    EngineLock m_lock;
    const Clock &m_clock;
    Options m_options;
    QTimer m_timer;
    qint64 m_lastHeartbeatMs = 0;
    bool m_busy = false;
    bool m_reconciled = false;
    std::unique_ptr<HaproxyRuntimeClient> m_client;
    std::unique_ptr<HaproxyStateKeeper> m_keeper;
    QPointer<HookRunner> m_hook;
    std::optional<RolloutRecord> m_record;
    std::optional<PlanContext> m_context;
    QList<RolloutOp> m_ops;
    QMap<QString, ServerChange> m_desired;
    QSet<qint64> m_executedHere; // operations started by this engine instance
};

} // namespace gl
