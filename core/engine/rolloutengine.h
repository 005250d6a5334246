#pragma once

#include "analysis/analysistypes.h"
#include "audit/auditentry.h"
#include "engine/enginelock.h"
#include "engine/rolloutgatekeeper.h"
#include "engine/rolloutplanner.h"
#include "engine/rolloutstore.h"
#include "model/environment.h"
#include "storage/walcheckpointer.h"
#include "util/clock.h"
#include "util/result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;

#include <functional>
#include <memory>
#include <optional>

namespace gl {

class Analyzer;
class CredentialStore;
class IdentityJob;
class IdentityStore;
class HaproxyRuntimeClient;
class HaproxyStateKeeper;
class HookRunner;
class MeasurementStore;
class PrometheusClient;

// Drives the rollouts of one environment: exactly one engine per environment at a time (EngineLock).
//
// Everything goes through the state database: operators (greenlightctl, the GUI) put actions in the action
// queue (RolloutStore::enqueueAction) and watch the rollout row; the engine polls the queue every tick
// (default 100 ms), answers each action, and runs the rollout's planned operations one at a time, writing
// each operation's intent before the HAProxy batch or hook and its result after (see rolloutop.h). On start
// it reconciles the recorded HAProxy state of an unfinished rollout with what HAProxy reports (re-applying
// it after a reload) and goes on, or holds the rollout when HAProxy cannot be reached.
//
// Analysis (docs/engine.md, "Analysis"): while a canary's new version takes part of the traffic and the
// environment has an `analysis:` section, an Analyzer compares it with the stable version (one run per step,
// stored with the rollout id). Passed ends an `analysis` step pause; Failed rolls back through the action
// queue (actor "analysis", the verdict reason as why); Inconclusive (or no evaluation for
// prometheus_unreachable_after: the dead man's switch) holds the rollout or rolls back per inconclusive_policy.
//
// Approvals (docs/approvals.md, "The engine at gates"): when the environment has approvers, gates, windows or
// freezes, a RolloutGatekeeper decides at each gate point (before start, before a canary traffic step, before the
// blue-green switch): the rollout waits there (paused, reason gate) until the gate's quorum is reached and goes
// on by itself; a rejection or a timeout rolls it back (actor "approvals"). Every action, its answer and every
// gate decision is appended to the environment's audit log (opened once per engine).
class RolloutEngine final : public QObject {
    Q_OBJECT

public:
    struct Options {
        int tickMs = 100;
        int heartbeatMs = 500;
        // How often the engine checks that its database files are still the ones at their paths (0: never).
        int verifyFilesMs = 1000;
        // How often the engine asks SQLite whether another process wrote to the state database (PRAGMA
        // data_version); a change takes the action queue at once instead of at the next tick. 0 = off.
        int wakePollMs = 5;
        qint64 staleAfterMs = EngineLock::DefaultStaleAfterMs;
        QString actor; // who this engine acts as in events ("engine@host")
    };

    RolloutEngine(
        Environment environment, StateStore &store, const Clock &clock, Options options, QObject *parent = nullptr);
    RolloutEngine(Environment environment, StateStore &store, const Clock &clock, QObject *parent = nullptr);
    ~RolloutEngine() override;

    // Takes the engine lock and starts driving; Locked when another engine drives this environment.
    [[nodiscard]] Status start();
    // Stops driving at a safe point and releases the lock, so that another engine can take over at once. An
    // HAProxy batch already sent is waited for (at most its timeout) and its result recorded, so no change is
    // left half-known; a hook still running is stopped (its operation stays `running` and is run again by the
    // next engine).
    void stop();
    [[nodiscard]] bool isRunning() const { return m_timer.isActive(); }
    // True while an operation or an action is being carried out (not between ticks).
    [[nodiscard]] bool isBusy() const { return m_busy; }
    // Takes the action queue now rather than at the next tick: for a client in the same process that has just
    // enqueued an action (the console). Other processes are noticed through the wake poll (Options::wakePollMs).
    void wake();
    // The key the audit log's checkpoints are signed with (the installation key); unsigned without one.
    void setAuditSigner(const SigningKey &key);
    // Loads the installation's audit key (IdentityStore::auditKeyName(), created on first use, as `greenlightctl
    // approve` does) from `credentials` in the background and signs checkpoints with it once it arrives. When the
    // keychain does not answer with a key, checkpoints stay unsigned and auditSignerUnavailable() says why (once).
    // stop() waits for the answer (at most signerWaitMs) so that the engine's last checkpoint is signed.
    void loadAuditSigner(CredentialStore &credentials, int signerWaitMs = 3000);
    [[nodiscard]] bool hasAuditSigner() const { return m_auditSigned; }
    [[nodiscard]] RolloutGatekeeper &gatekeeper() { return *m_gatekeeper; }

    [[nodiscard]] RolloutStore &store() { return m_store; }
    [[nodiscard]] const Environment &environment() const { return m_env; }
    // A newer reading of the environment file (EnvironmentWatcher, or the file read again at a start). At once:
    // approvers, gates, change windows and freezes (the gatekeeper), the analysis (from the next analysis run),
    // strategies (the next start), the Prometheus URL and the rollback runbook. Slots and hooks: at once between
    // rollouts, else from the next start. Never: the name, state database, Runtime API and backend (reopen).
    void setEnvironment(const Environment &environment);
    [[nodiscard]] std::optional<RolloutRecord> current() const { return m_record; }

    // The actor name used when none is given: "$GREENLIGHT_PERSON@host", else "$USER@host".
    [[nodiscard]] static QString defaultActor();

signals:
    void rolloutChanged(const gl::RolloutRecord &record);
    void actionAnswered(qint64 actionId, bool done, const QString &answer);
    // The engine stopped on its own (the lock was taken over, the database failed).
    void stoppedWithError(const gl::Error &error);
    // An audit entry could not be written (also recorded as an `error` event of the rollout).
    void auditFailed(const gl::Error &error);
    // loadAuditSigner() got no key: the audit checkpoints are written unsigned (`audit verify` warns).
    void auditSignerUnavailable(const gl::Error &error);

private:
    void tick();
    // A WAL checkpoint on a thread of its own (WalCheckpointer), at most every kCheckpointEveryMs.
    void checkpoint(qint64 nowMs);
    static constexpr qint64 kCheckpointEveryMs = 1000;
    void pollWake();
    // False (and the engine stopped, stoppedWithError(Detached)) when the state database or audit log files were
    // deleted or replaced under this process.
    [[nodiscard]] bool filesIntact();
    void loadCurrent();
    void reconcile();
    void processActions();
    void handleAction(const ActionRecord &action);
    void handleStart(const ActionRecord &action, const QString &version, qint64 retryOf);
    void answer(qint64 actionId, bool done, const QString &text, qint64 rolloutId = 0);
    // After the answer is written: audited and signalled.
    void answered(qint64 actionId, bool done, const QString &text, qint64 rolloutId);
    void drive();
    void execute(int index);
    void executeSetServers(int index);
    void executeWait(int index);
    void executeHook(int index);
    void opDone(int index, const QString &result, std::optional<double> actualShare = std::nullopt);
    void opFailed(int index, const Error &error);
    void finishRollout();
    enum RemovalPlan { NothingToPlan, Planned, WriteFailed };
    RemovalPlan planRemoval();
    // Writes the operations at `opIndexes`, the pending events, `alsoWrite` and the rollout in one commit.
    [[nodiscard]] bool save(const QList<int> &opIndexes, const std::function<Status()> &alsoWrite = {});
    void event(const QString &actor, const QString &kind, const QString &detail);
    void updateDesired(const QList<ServerChange> &changes);
    [[nodiscard]] QSet<QString> newSlots() const;
    [[nodiscard]] RolloutFacts facts() const;
    [[nodiscard]] QString envArg() const;
    void fatal(const Error &error);
    // setEnvironment(); slots and hooks only when `slotsAndHooks` (no rollout under way).
    void adoptEnvironment(const Environment &fromFile, bool slotsAndHooks);
    // Analysis of the new version's step (see the class comment).
    void updateAnalysis();
    void startAnalysis();
    void stopAnalysis();
    void onVerdict(Analyzer *analyzer, Verdict verdict, const QString &reason);
    void analysisPassed(const QString &reason);
    void analysisRollback(const QString &why);
    void analysisInconclusive(const QString &reason, bool alarm);
    // Queues a rollback of the current rollout as `actor` (analysis, approvals) and takes it at once rather than at
    // the next tick; the queue's error if it could not be queued (the caller holds the rollout then).
    [[nodiscard]] Status queueRollback(const QString &actor, const QString &why);
    [[nodiscard]] bool analysisWanted() const;
    // Approvals and the audit log (see the class comment).
    void audit(const QString &actor, const QString &action, const QJsonObject &detail, qint64 rolloutId);
    void flushAudit();
    [[nodiscard]] bool appendNow(const QString &action, const QJsonObject &detail);
    void auditAnswer(qint64 actionId, bool done, const QString &text, qint64 rolloutId);
    [[nodiscard]] std::optional<GatePoint> gatePointAt(int index) const;
    [[nodiscard]] int nextOpIndex() const;
    [[nodiscard]] bool waitingAtApprovalGate() const;
    // The approval gates the rollout waits at now (names), for people; nullopt when it waits at none.
    [[nodiscard]] std::optional<QStringList> approvalGatesWaitedAt() const;
    [[nodiscard]] bool passGatePoint(int index);
    [[nodiscard]] bool checkGatePoint(const GatePoint &point);
    void checkWaitingGate();
    [[nodiscard]] QString promotionRefusal(bool full);
    void gateRollback(const QString &why);
    [[nodiscard]] QString starter();
    // `retryOf`, the rollout that one retried, and so on (their blocks stay in force).
    [[nodiscard]] QList<qint64> retriedChain(qint64 retryOf);
    [[nodiscard]] QJsonObject gateDetail(const GateCheck &check) const;

    Environment m_env;
    RolloutStore m_store;
    EngineLock m_lock;
    const Clock &m_clock;
    Options m_options;
    QTimer m_timer;
    QTimer m_wakeTimer;
    qint64 m_dataVersion = -1;
    qint64 m_lastHeartbeatMs = 0;
    bool m_busy = false;
    bool m_reconciled = false;
    int m_changesInFlight = 0; // HAProxy batches sent and not answered yet (stop() waits for them)
    std::unique_ptr<HaproxyRuntimeClient> m_client;
    std::unique_ptr<HaproxyStateKeeper> m_keeper;
    QPointer<HookRunner> m_hook;
    std::optional<RolloutRecord> m_record;
    std::optional<PlanContext> m_context;
    QList<RolloutOp> m_ops;
    QMap<QString, ServerChange> m_desired;
    QSet<qint64> m_executedHere; // operations started by this engine instance
    struct PendingEvent {
        qint64 rolloutId = 0;
        QString actor;
        QString kind;
        QString detail;
    };
    std::unique_ptr<WalCheckpointer> m_checkpointer; // set while this engine checkpoints the WAL itself
    qint64 m_lastFilesCheckMs = 0;
    qint64 m_lastCheckpointMs = 0;
    QElapsedTimer m_rollbackTiming; // lcEngineTiming: from taking a rollback to its answer
    QList<PendingEvent> m_pendingEvents; // written by the next save() (a rollback's event, with its batch's result)
    // Analysis: one analyzer per (rollout, step share); kept (stopped) after its verdict was acted on so that
    // it is not started again for the same step.
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<PrometheusClient> m_prometheus;
    std::unique_ptr<MeasurementStore> m_measurements;
    QPointer<Analyzer> m_analyzer;
    qint64 m_analysisRollout = 0;
    double m_analysisShare = -1;
    qint64 m_analysisStartedMs = 0;
    qint64 m_analysisAnsweredMs = 0; // the last evaluation Prometheus answered (or the start): dead man's switch
    bool m_analysisActed = false; // the current analyzer's verdict was acted on
    qint64 m_analysisRollbackFor = 0; // the rollout analysis asked to roll back (nothing moves forward)
    // Approvals and audit.
    std::unique_ptr<RolloutGatekeeper> m_gatekeeper;
    QList<QPair<qint64, AuditRecord>> m_auditQueue; // (rollout id, record), appended after the current tick
    bool m_auditFlushQueued = false;
    bool m_auditAppended = false; // since the last checkpoint
    QHash<qint64, ActionRecord> m_actionsInFlight; // taken, not yet answered
    QHash<qint64, QString> m_actionNotes; // a stale rollback's note, for the answer written after HAProxy replied
    GateHistory m_gateHistory; // of m_record
    qint64 m_gateHistoryFor = 0;
    qint64 m_gateRollbackFor = 0; // the rollout a rejected gate rolls back (nothing moves forward)
    QString m_starter;
    qint64 m_starterFor = 0;
    std::unique_ptr<IdentityStore> m_identities; // loadAuditSigner
    QPointer<IdentityJob> m_signerJob; // pending while the keychain has not answered
    int m_signerWaitMs = 0;
    bool m_signerPending = false;
    bool m_auditSigned = false;
    QList<qint64> m_retried; // retriedChain(m_retriedFor)
    qint64 m_retriedFor = 0;
};

} // namespace gl
