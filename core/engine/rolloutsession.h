#pragma once

#include "engine/pendinggates.h"
#include "engine/rolloutengine.h"
#include "engine/rolloutexpectation.h"
#include "engine/rolloutop.h"
#include "engine/rolloutstatemachine.h"
#include "engine/rolloutstore.h"
#include "model/environment.h"
#include "storage/statestore.h"
#include "util/clock.h"
#include "util/result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace gl {

class CredentialStore;
class HaproxyRuntimeClient;

// One open environment as a client (the console) sees it: its state database, the rollout engine (run in this
// process when no other engine holds the environment's lock, observed otherwise) and HAProxy's live view of
// the slots. GUI-free; widgets render what it emits and send actions through request().
//
// Change detection is polling, because the engine may live in another process: every pollMs one statement
// reads the latest rollout's id and revision and the highest event id; only a change reads more. HAProxy's
// `show stat` is read every slotsPollMs (asynchronously, one request at a time).
class RolloutSession final : public QObject {
    Q_OBJECT

public:
    struct Options {
        int pollMs = 250;
        int slotsPollMs = 1000; // 0: never ask HAProxy (tests of the store part)
        bool runEngine = true; // try to drive the environment in this process
        int engineRetryMs = 3000; // observing: how often to try taking over a stale lock
        int historyLimit = 1000; // rollouts listed by rollouts()
        int verifyFilesMs = 1000; // observing: how often to check that the state database files are still there
        RolloutEngine::Options engine;
    };

    // One slot of the environment's backend as HAProxy reports it now.
    struct SlotState {
        QString name;
        QString colour;
        QString address;
        QString version; // what the rollout deployed there, else what the environment file says
        bool reported = false; // HAProxy answered and listed this server
        QString status; // "UP", "DOWN", "MAINT", "DRAIN", ...
        int weight = 0; // effective weight
        qint64 sessions = 0;
        qint64 queue = 0;
        QString check; // "L7OK", "L4CON", ...
        [[nodiscard]] bool healthy() const { return reported && status.startsWith(u"UP"); }
    };

    // One traffic step of a rollout's plan, for the step timeline.
    struct StepInfo {
        enum class Status { Done, Current, Pending, Skipped };
        int index = 0; // 0-based
        double percent = 0; // desired share of the new version once the step is reached
        Status status = Status::Pending;
        QString pause; // what ends the step's wait: "none", "30s", "gate", "analysis" (empty: none planned)
    };
    // The traffic steps of `record` given its operations (canary steps, the blue-green switch, in-place batches).
    [[nodiscard]] static QList<StepInfo> stepsOf(const RolloutRecord &record, const QList<RolloutOp> &ops);

    // How many slots serve the stable version of `record` (from its stored plan); 0 when unknown.
    [[nodiscard]] static int stableSlotCount(const RolloutRecord &record);

    RolloutSession(Environment environment, const Clock &clock, Options options, QObject *parent = nullptr);
    explicit RolloutSession(Environment environment, QObject *parent = nullptr);
    ~RolloutSession() override;

    // Opens the state database (retrying briefly on the first-open migration race), starts the engine or
    // observes the one that holds the lock, and starts polling. Emits the first state before returning.
    [[nodiscard]] Status open();
    void close();
    [[nodiscard]] bool isOpen() const { return m_state.has_value(); }

    [[nodiscard]] const Environment &environment() const { return m_env; }
    // A newer reading of the environment file (the console's EnvironmentWatcher) is in force: the engine in this
    // process takes it (RolloutEngine::setEnvironment), the slots are rebuilt, environmentChanged() follows. What
    // only reopening changes (name, state database, Runtime API, backend) stays as it was opened.
    void setEnvironment(const Environment &environment);
    // The latest rollout is under way (not finished) and the engine runs in this process: closing the session
    // stops driving it (close() hands over: the lock is released at a safe point).
    [[nodiscard]] bool drivesRolloutInProgress() const;
    [[nodiscard]] StateStore *stateStore() { return m_state ? &*m_state : nullptr; }
    // True when the engine runs in this process; false when another process drives (or none could start).
    [[nodiscard]] bool drivesEngine() const { return m_engine && m_engine->isRunning(); }
    // Who drives the environment when it is not this process ("pid 4242 on vm"), empty when none.
    [[nodiscard]] QString engineHolder() const { return m_engineHolder; }

    // Rollouts, newest first (at most Options::historyLimit).
    [[nodiscard]] const QList<RolloutRecord> &rollouts() const { return m_rollouts; }
    [[nodiscard]] std::optional<RolloutRecord> latest() const;
    [[nodiscard]] std::optional<RolloutRecord> rollout(qint64 id) const;
    // The latest rollout's operations as last read (the step timeline, slot versions).
    [[nodiscard]] const QList<RolloutOp> &latestOps() const { return m_latestOps; }
    [[nodiscard]] Result<QList<RolloutOp>> ops(qint64 rolloutId) const;
    [[nodiscard]] Result<QList<EventRecord>> events(qint64 rolloutId) const;
    // The verdict of each rollout's latest analysis run ("pending", "passed", "failed", "inconclusive"); rollouts
    // without analysis are absent. Re-read whenever a rollout changes.
    [[nodiscard]] const QHash<qint64, QString> &analysisVerdicts() const { return m_verdicts; }

    [[nodiscard]] const QList<SlotState> &slotStates() const { return m_slots; }
    // Why HAProxy could not be read at the last poll; empty when it answered.
    [[nodiscard]] QString slotsError() const { return m_slotsError; }

    // What the state machine says about `action` on the latest rollout now (for enabling buttons). Promote and
    // promote-full are also refused while the rollout waits at an approval gate short of its quorum ("Waiting at
    // gate cab: 1 of 2 approvals"): the rollout goes on by itself once the gate is approved.
    [[nodiscard]] std::optional<RolloutFacts> facts() const;
    [[nodiscard]] RolloutDecision decide(RolloutAction action) const;

    // The approval gates the latest rollout waits at now, each with its approvals so far (docs/approvals.md);
    // empty when it waits at none. Re-evaluated whenever the rollout changes (reads the audit log only then).
    [[nodiscard]] const QList<PendingGate> &waitingGates() const { return m_waitingGates; }
    // What a confirmation of an action on the latest rollout describes (RolloutExpectation::of); empty when there
    // is no rollout.
    [[nodiscard]] RolloutExpectation expectation() const;
    // Where the latest rollout is, for people: "step 3 (50 %, waiting at gate cab)"; empty when there is none.
    [[nodiscard]] QString positionText() const;
    // Why a confirmation that described `expected` no longer holds ("the rollout moved to step 3 (...) since you
    // confirmed"); empty while the latest rollout is still what it described.
    [[nodiscard]] QString movedText(const RolloutExpectation &expected) const;

    // Queues `action` for the latest rollout (Start: a new one, `params` as `greenlightctl rollout start` puts
    // them: version, strategy, acceptDowntime, overrides). actionAnswered() follows with the engine's answer.
    // `expected`: what the person confirmed (the engine refuses a stale promote, promote-full, resume or retry;
    // docs/engine.md, "Actions bound to what was confirmed"); its rollout id, when given, is the one acted on.
    [[nodiscard]] Result<qint64> request(RolloutAction action, const QString &reason, const QJsonObject &params = {},
        const RolloutExpectation &expected = {});
    // Who actions are recorded as: RolloutEngine::defaultActor() ("$GREENLIGHT_PERSON@host", else "$USER@host").
    [[nodiscard]] static QString actor();

    // Polls the store now (the timer also does).
    void refresh();
    // Asks HAProxy now (the timer also does).
    void refreshSlots();
    // The keychain the in-process engine takes the installation's audit key from, to sign its checkpoints
    // (RolloutEngine::loadAuditSigner). Set before open(); without it the checkpoints are unsigned.
    void setCredentialStore(CredentialStore *credentials) { m_credentials = credentials; }

signals:
    void rolloutChanged(const gl::RolloutRecord &record);
    void rolloutsChanged();
    void eventsAdded(qint64 rolloutId);
    void slotsChanged();
    void actionAnswered(qint64 actionId, bool done, const QString &answer);
    void engineChanged(bool drives);
    // setEnvironment() put a newer configuration in force.
    void environmentChanged();
    // Reading the state database failed (the message is for people).
    void storeError(const gl::Error &error);

private:
    void tryStartEngine();
    void reloadLatest(qint64 id);
    void reloadHistory();
    void reloadVerdicts();
    void reloadWaitingGates();
    [[nodiscard]] std::optional<QStringList> approvalGatesWaitedAt() const;
    void checkAnswers();
    void rebuildSlots();
    void setEngineHolder();

    Environment m_env;
    const Clock &m_clock;
    Options m_options;
    std::optional<StateStore> m_state;
    std::unique_ptr<RolloutStore> m_store;
    std::unique_ptr<EngineLock> m_lock;
    std::unique_ptr<RolloutEngine> m_engine;
    CredentialStore *m_credentials = nullptr;
    std::unique_ptr<HaproxyRuntimeClient> m_haproxy;
    QTimer m_pollTimer;
    QTimer m_slotsTimer;
    QTimer m_engineTimer;
    QElapsedTimer m_sinceFilesCheck;
    bool m_slotsBusy = false;
    bool m_lastDrives = false;
    QString m_engineHolder;

    qint64 m_seenLatestId = -1;
    qint64 m_seenRevision = -1;
    qint64 m_seenEventId = -1;
    QList<RolloutRecord> m_rollouts;
    QList<RolloutOp> m_latestOps;
    QSet<qint64> m_pendingActions;
    QHash<qint64, QString> m_verdicts;
    QList<PendingGate> m_waitingGates;

    QList<ServerStat> m_stats;
    QList<SlotState> m_slots;
    QString m_slotsError;
};

} // namespace gl
