#include "rolloutengine.h"

#include "analysis/analyzer.h"
#include "analysis/measurementstore.h"
#include "backends/haproxy/haproxycommand.h"
#include "backends/haproxy/haproxyparsers.h"
#include "backends/haproxy/haproxyrequest.h"
#include "backends/haproxy/haproxyruntimeclient.h"
#include "backends/haproxy/haproxystatekeeper.h"
#include "engine/hookrunner.h"
#include "engine/rolloutexpectation.h"
#include "engine/weightplan.h"
#include "identity/identity.h"
#include "identity/identityjob.h"
#include "identity/identitystore.h"
#include "metrics/prometheusclient.h"
#include "model/environmentchange.h"
#include "model/environmentfile.h"
#include "storage/statestore.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

namespace gl {
namespace {

// Where the time of the rollback path goes (QT_LOGGING_RULES="greenlight.core.engine.timing.debug=true").
Q_LOGGING_CATEGORY(lcEngineTiming, "greenlight.core.engine.timing", QtWarningMsg)

// srv_admin_state bits HAProxy 2.6 counts as maintenance (SRV_ADMF_MAINT: forced, inherited, resolution,
// hostname). NOT the "configured maintenance" bit 0x04: it stays set after `state ready` on a server that was
// `disabled` in the configuration, although the server is in service (measured on 2.6.12). This is why the
// engine does not use ServerState::inMaintenance(), which counts 0x04.
constexpr int kMaintBits = 0x01 | 0x02 | 0x20 | 0x40;
constexpr int kDrainBits = 0x08 | 0x10;

QString percentText(double value)
{
    return value < 0 ? QStringLiteral("?") : QString::number(value, 'f', value == int(value) ? 0 : 1);
}

} // namespace

RolloutEngine::RolloutEngine(
    Environment environment, StateStore &store, const Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_env(std::move(environment))
    , m_store(store, clock)
    , m_lock(store, clock)
    , m_clock(clock)
    , m_options(std::move(options))
{
    if (m_options.actor.isEmpty())
        m_options.actor = QStringLiteral("engine@") + QSysInfo::machineHostName();
    m_lock.setStaleAfter(m_options.staleAfterMs);
    m_timer.setInterval(m_options.tickMs);
    connect(&m_timer, &QTimer::timeout, this, &RolloutEngine::tick);
    m_wakeTimer.setInterval(m_options.wakePollMs);
    connect(&m_wakeTimer, &QTimer::timeout, this, &RolloutEngine::pollWake);
    m_client = std::make_unique<HaproxyRuntimeClient>(m_env.runtimeApi);
    m_keeper = std::make_unique<HaproxyStateKeeper>(m_client.get());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_prometheus = std::make_unique<PrometheusClient>(m_env.prometheusUrl, *m_network);
    m_measurements = std::make_unique<MeasurementStore>(m_store.database());
    m_gatekeeper = std::make_unique<RolloutGatekeeper>(m_env.name, m_env.approvals, m_clock);
    connect(m_keeper.get(), &HaproxyStateKeeper::reloadDetected, this, [this] {
        if (m_record)
            event(m_options.actor, QStringLiteral("reconcile"),
                tr("HAProxy reloaded; re-applying the rollout's weights and states"));
    });
}

RolloutEngine::RolloutEngine(Environment environment, StateStore &store, const Clock &clock, QObject *parent)
    : RolloutEngine(std::move(environment), store, clock, Options {}, parent)
{ }

RolloutEngine::~RolloutEngine()
{
    stop();
    // Analyzers (also those waiting for deleteLater) use the Prometheus client and the store: gone first.
    qDeleteAll(findChildren<Analyzer *>(QString(), Qt::FindDirectChildrenOnly));
}

QString RolloutEngine::defaultActor()
{
    // The person (as in the approvers list) when one is named, else the login: "ana@host".
    QString user = currentPerson();
    if (user.isEmpty()) {
        // Services, cron and containers often set neither: ask the system who runs us.
        if (const passwd *entry = getpwuid(getuid()); entry && entry->pw_name)
            user = QString::fromLocal8Bit(entry->pw_name);
        else
            user = QStringLiteral("uid%1").arg(getuid());
    }
    return user + u'@' + QSysInfo::machineHostName();
}

QString RolloutEngine::envArg() const
{
    return m_env.filePath;
}

Status RolloutEngine::start()
{
    if (m_timer.isActive())
        return {};
    if (const Status locked = m_lock.acquire(); !locked)
        return locked;
    m_lastHeartbeatMs = m_clock.now().toMSecsSinceEpoch();
    m_reconciled = false;
    m_busy = false;
    loadCurrent();
    m_keeper->start();
    m_timer.start();
    m_dataVersion = -1;
    m_lastFilesCheckMs = m_lastHeartbeatMs;
    if (const QString dbPath = m_store.database().path(); !dbPath.isEmpty() && dbPath != u":memory:") {
        // The engine's connection does not checkpoint by itself (wal_autocheckpoint = 0): SQLite would do it inside
        // whichever commit crosses the threshold (copying pages and two more fsyncs), which may be a rollback's.
        if (m_store.database().exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")))
            m_checkpointer = std::make_unique<WalCheckpointer>(dbPath, StateStore::schema());
    }
    if (m_options.wakePollMs > 0)
        m_wakeTimer.start();
    // The audit log beside the state database, opened once per engine. Without it actions still run (a
    // rollback must never wait for bookkeeping); every entry that cannot be written is an `error` event.
    if (const QString dbPath = m_store.database().path(); !dbPath.isEmpty() && dbPath != u":memory:") {
        if (const Status opened = m_gatekeeper->open(AuditLog::pathForStateDatabase(dbPath)); !opened) {
            qCWarning(lcEngine) << "cannot open the audit log:" << opened.error().toString();
            if (m_record)
                event(m_options.actor, QStringLiteral("error"),
                    tr("the audit log cannot be opened: %1; actions are not audited").arg(opened.error().message));
            emit auditFailed(opened.error());
        }
    }
    qCInfo(lcEngine) << "engine started for" << m_env.name << "as" << m_lock.owner();
    QMetaObject::invokeMethod(this, &RolloutEngine::tick, Qt::QueuedConnection);
    return {};
}

void RolloutEngine::stop()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    m_wakeTimer.stop();
    m_keeper->stop();
    // A safe point: an HAProxy batch on its way is answered (or times out) and its result recorded before the
    // lock goes, so the next engine finds each change done or not done, never half-known. Nothing new starts:
    // what follows a result waits for a running timer.
    stopAnalysis(); // no verdict acts while the engine waits below
    if (m_changesInFlight > 0) {
        QElapsedTimer waited;
        waited.start();
        const int limitMs = HaproxyRequest::DefaultTimeoutMs * 2 + 500;
        while (m_changesInFlight > 0 && waited.elapsed() < limitMs)
            QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents | QEventLoop::WaitForMoreEvents, 20);
        if (m_changesInFlight > 0)
            qCWarning(lcEngine) << "stopping with an HAProxy batch unanswered; the next engine reconciles it";
    }
    if (m_checkpointer) {
        m_checkpointer.reset(); // waits for a checkpoint in progress
        (void)m_store.database().exec(QStringLiteral("PRAGMA wal_autocheckpoint = 1000"));
    }
    for (const PendingEvent &e : std::exchange(m_pendingEvents, {})) {
        if (const Status s = m_store.addEvent(e.rolloutId, e.actor, e.kind, e.detail); !s)
            qCWarning(lcEngine) << "could not record an event:" << s.error().toString();
    }
    if (m_signerPending && m_signerJob && m_signerWaitMs > 0) {
        // The keychain has not answered yet: the last checkpoint should be signed, so wait a little for it.
        QEventLoop loop;
        connect(m_signerJob.data(), &IdentityJob::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(m_signerWaitMs, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    flushAudit();
    if (m_auditAppended && m_gatekeeper->log()) {
        // What this engine appended is covered by a checkpoint before it goes (truncation stays detectable).
        if (const Result<AuditCheckpoint> checkpoint = m_gatekeeper->log()->checkpoint(); !checkpoint)
            qCWarning(lcEngine) << "no audit checkpoint written:" << checkpoint.error().toString();
        m_auditAppended = false;
    }
    if (m_hook) {
        m_hook->disconnect(this);
        delete m_hook;
    }
    stopAnalysis();
    m_busy = false;
    m_lock.release();
    qCInfo(lcEngine) << "engine stopped for" << m_env.name;
}

void RolloutEngine::setEnvironment(const Environment &environment)
{
    const bool betweenRollouts = !m_record || RolloutStateMachine::isTerminal(m_record->state);
    adoptEnvironment(environment, betweenRollouts);
}

void RolloutEngine::adoptEnvironment(const Environment &fromFile, bool slotsAndHooks)
{
    const Environment next = reloadedEnvironment(m_env, fromFile);
    m_env.analysis = next.analysis; // the running analyzer keeps its copy; the next run takes this one
    m_env.approvals = next.approvals;
    m_env.strategies = next.strategies;
    m_env.rollbackRunbook = next.rollbackRunbook;
    if (m_env.prometheusUrl != next.prometheusUrl) {
        m_env.prometheusUrl = next.prometheusUrl;
        m_prometheus->setBaseUrl(next.prometheusUrl);
    }
    if (slotsAndHooks) {
        m_env.serverSlots = next.serverSlots;
        m_env.deployHook = next.deployHook;
        m_env.undeployHook = next.undeployHook;
    }
    m_gatekeeper->setConfig(next.approvals);
}

void RolloutEngine::fatal(const Error &error)
{
    qCWarning(lcEngine) << "engine stops:" << error.toString();
    stop();
    emit stoppedWithError(error);
}

void RolloutEngine::loadCurrent()
{
    m_record.reset();
    m_context.reset();
    m_ops.clear();
    m_executedHere.clear();
    const Result<std::optional<RolloutRecord>> latest = m_store.latest();
    if (!latest || !latest->has_value())
        return;
    m_record = **latest;
    Result<PlanContext> context = PlanContext::fromJson(m_record->plan);
    if (context)
        m_context = context.value();
    Result<QList<RolloutOp>> ops = m_store.ops(m_record->id);
    if (ops)
        m_ops = ops.value();
}

RolloutFacts RolloutEngine::facts() const
{
    RolloutFacts f;
    f.state = m_record->state;
    f.pauseReason = m_record->pauseReason;
    f.goal = m_record->goal;
    for (const RolloutOp &op : m_ops) {
        if (op.noReturn && op.status != OpStatus::Pending && op.status != OpStatus::Skipped)
            f.pastPointOfNoReturn = true;
    }
    return f;
}

void RolloutEngine::event(const QString &actor, const QString &kind, const QString &detail)
{
    if (!m_record)
        return;
    if (const Status s = m_store.addEvent(m_record->id, actor, kind, detail); !s)
        qCWarning(lcEngine) << "could not record an event:" << s.error().toString();
}

bool RolloutEngine::save(const QList<int> &opIndexes, const std::function<Status()> &alsoWrite)
{
    const Status status = m_store.database().transaction([&]() -> Status {
        for (int i : opIndexes) {
            if (const Status s = m_store.updateOp(m_ops.at(i)); !s)
                return s;
        }
        for (const PendingEvent &e : std::as_const(m_pendingEvents)) {
            if (const Status s = m_store.addEvent(e.rolloutId, e.actor, e.kind, e.detail); !s)
                return s;
        }
        if (alsoWrite) {
            if (const Status s = alsoWrite(); !s)
                return s;
        }
        return m_store.updateRollout(*m_record);
    });
    if (!status) {
        // Nothing runs without its record: stop here, the next tick (or engine) tries again from the database.
        qCWarning(lcEngine) << "could not write the rollout state:" << status.error().toString();
        loadCurrent();
        return false;
    }
    m_pendingEvents.clear();
    emit rolloutChanged(*m_record);
    return true;
}

void RolloutEngine::updateDesired(const QList<ServerChange> &changes)
{
    for (const ServerChange &change : changes) {
        ServerChange &desired = m_desired[change.server];
        desired.backend = change.backend;
        desired.server = change.server;
        if (change.weight)
            desired.weight = change.weight;
        if (change.state)
            desired.state = change.state;
    }
    m_keeper->setDesiredState(m_desired.values());
}

QSet<QString> RolloutEngine::newSlots() const
{
    QSet<QString> result;
    if (!m_context)
        return result;
    if (!m_context->inPlace()) {
        for (const QString &slot : m_context->idleSlots)
            result.insert(slot);
        return result;
    }
    for (const RolloutOp &op : m_ops) {
        if (op.kind == OpKind::Deploy && op.status == OpStatus::Done && op.version == m_context->version)
            result.insert(op.slotNames.value(0));
        if (op.kind == OpKind::Deploy && op.status == OpStatus::Done && op.version != m_context->version)
            result.remove(op.slotNames.value(0));
    }
    return result;
}

void RolloutEngine::wake()
{
    if (m_timer.isActive())
        QMetaObject::invokeMethod(this, &RolloutEngine::tick, Qt::QueuedConnection);
}

void RolloutEngine::pollWake()
{
    const Result<qint64> version = m_store.database().dataVersion();
    if (!version)
        return; // the tick reports database trouble
    const bool changed = m_dataVersion >= 0 && *version != m_dataVersion;
    m_dataVersion = *version;
    if (changed && !m_busy && m_reconciled)
        tick();
}

void RolloutEngine::tick()
{
    if (!m_timer.isActive())
        return;
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    // The heartbeat is a commit (an fsync): while the last one is recent enough that no other engine can have
    // taken the lock over (half the stale time), it waits until the actions are taken, so that it never lies
    // between an action and HAProxy.
    const bool heartbeatDue = now - m_lastHeartbeatMs >= m_options.heartbeatMs;
    const bool lockCertain = now - m_lastHeartbeatMs < m_options.staleAfterMs / 2;
    const auto heartbeat = [this, now]() -> bool {
        if (const Status beat = m_lock.heartbeat(); !beat) {
            if (beat.error().code == ErrorCode::Locked) {
                fatal(beat.error());
                return false;
            }
            qCWarning(lcEngine) << "heartbeat failed:" << beat.error().toString();
        } else {
            m_lastHeartbeatMs = now;
        }
        return true;
    };
    if (heartbeatDue && (!lockCertain || m_busy || !m_reconciled) && !heartbeat())
        return;
    if (now - m_lastFilesCheckMs >= m_options.verifyFilesMs && m_options.verifyFilesMs > 0) {
        m_lastFilesCheckMs = now;
        if (!filesIntact())
            return;
    }
    if (m_busy)
        return;
    if (!m_reconciled) {
        reconcile();
        return;
    }
    processActions();
    if (heartbeatDue && lockCertain && !m_busy && !heartbeat()) // busy: a batch on its way; the next tick
        return;
    if (!m_busy)
        checkWaitingGate();
    if (!m_busy)
        drive();
    updateAnalysis();
    checkpoint(now);
}

void RolloutEngine::checkpoint(qint64 nowMs)
{
    if (!m_checkpointer || nowMs - m_lastCheckpointMs < kCheckpointEveryMs || m_checkpointer->busy())
        return;
    m_lastCheckpointMs = nowMs;
    m_checkpointer->request();
}

bool RolloutEngine::filesIntact()
{
    // The state database or the audit log deleted or replaced under this process (docs/storage.md): what this
    // engine would read and write is no longer what every other process sees. It stops driving at once, before
    // another batch goes to HAProxy; the database reopens itself at its next use, and whoever runs the engine
    // (the console, `greenlightctl engine`) starts it again on the files at the path.
    Status files = m_store.database().verifyFiles();
    if (files && m_gatekeeper->log())
        files = m_gatekeeper->log()->database().verifyFiles();
    if (files)
        return true;
    fatal(makeError(ErrorCode::Detached,
        tr("This process stopped driving %1: %2").arg(m_env.name, files.error().message), files.error().detail));
    return false;
}

void RolloutEngine::reconcile()
{
    loadCurrent();
    m_desired.clear();
    if (!m_record || RolloutStateMachine::isTerminal(m_record->state) || !m_context) {
        m_reconciled = true;
        return;
    }
    // What HAProxy should show: every batch that was applied (done), in order.
    for (const RolloutOp &op : std::as_const(m_ops)) {
        if (op.kind == OpKind::SetServers && op.status == OpStatus::Done)
            updateDesired(op.changes);
    }
    for (const RolloutOp &op : std::as_const(m_ops)) {
        if (op.status == OpStatus::Running && (op.kind == OpKind::Deploy || op.kind == OpKind::Undeploy))
            event(m_options.actor, QStringLiteral("reconcile"),
                tr("\"%1\" was interrupted before it reported; it runs again").arg(op.label));
    }
    m_busy = true;
    m_client->showServersState(
        this,
        [this](const Result<QList<ServerState>> &states) {
            m_busy = false;
            if (!states) {
                m_record->state = RolloutState::Held;
                m_record->message = tr("Cannot reconcile with HAProxy after a restart: %1. Resume when HAProxy "
                                       "answers.")
                                        .arg(states.error().message);
                event(m_options.actor, QStringLiteral("error"), m_record->message);
                (void)save({});
                m_reconciled = true;
                return;
            }
            QList<ServerChange> differing;
            for (const ServerChange &want : std::as_const(m_desired)) {
                bool found = false;
                for (const ServerState &have : *states) {
                    if (have.backend != want.backend || have.server != want.server)
                        continue;
                    found = true;
                    bool same = !want.weight || have.userWeight == *want.weight;
                    if (want.state) {
                        const bool maint = have.adminFlags & kMaintBits;
                        const bool drain = !maint && (have.adminFlags & kDrainBits);
                        same = same
                            && ((*want.state == ServerAdminState::Maint && maint)
                                || (*want.state == ServerAdminState::Drain && drain)
                                || (*want.state == ServerAdminState::Ready && !maint && !drain));
                    }
                    if (!same)
                        differing << want;
                }
                if (!found)
                    differing << want;
            }
            if (differing.isEmpty()) {
                m_reconciled = true;
                event(m_options.actor, QStringLiteral("reconcile"),
                    tr("engine started; HAProxy matches the recorded state; going on"));
                return;
            }
            const QList<ServerChange> batch = HaproxyStateKeeper::reapplyOrder(m_desired.values());
            m_busy = true;
            ++m_changesInFlight;
            m_client->setServers(batch, this, [this, count = differing.size()](const Status &applied) {
                --m_changesInFlight;
                m_busy = false;
                m_reconciled = true;
                if (!applied) {
                    m_record->state = RolloutState::Held;
                    m_record->message = tr("HAProxy differs from the recorded state and re-applying it failed: %1")
                                            .arg(applied.error().message);
                    event(m_options.actor, QStringLiteral("error"), m_record->message);
                    (void)save({});
                    return;
                }
                event(m_options.actor, QStringLiteral("reconcile"),
                    tr("engine started; HAProxy differed on %1 server(s) (a reload?); re-applied the recorded "
                       "weights and states")
                        .arg(count));
            });
        },
        m_env.backend);
}

void RolloutEngine::answer(qint64 actionId, bool done, const QString &text, qint64 rolloutId)
{
    if (const Status s = m_store.answerAction(actionId, done, text, rolloutId); !s)
        qCWarning(lcEngine) << "could not answer action" << actionId << s.error().toString();
    answered(actionId, done, text, rolloutId);
}

void RolloutEngine::answered(qint64 actionId, bool done, const QString &text, qint64 rolloutId)
{
    auditAnswer(actionId, done, text, rolloutId);
    emit actionAnswered(actionId, done, text);
}

void RolloutEngine::processActions()
{
    const Result<QList<ActionRecord>> pending = m_store.pendingActions();
    if (!pending) {
        qCWarning(lcEngine) << "cannot read the action queue:" << pending.error().toString();
        return;
    }
    for (const ActionRecord &action : *pending) {
        handleAction(action);
        if (m_busy)
            return; // a start waits for HAProxy; the next actions are taken after it
    }
}

void RolloutEngine::handleAction(const ActionRecord &action)
{
    m_actionsInFlight.insert(action.id, action); // audited when answered (auditAnswer)
    const auto kind = rolloutActionFromString(action.action);
    if (!kind) {
        answer(action.id, false, tr("unknown action \"%1\"").arg(action.action));
        return;
    }
    if (action.rolloutId > 0 && (!m_record || m_record->id != action.rolloutId) && *kind != RolloutAction::Start) {
        answer(action.id, false, tr("rollout #%1 is not the latest rollout").arg(action.rolloutId));
        return;
    }
    // Compare-and-set (docs/engine.md, "Actions bound to what was confirmed"): the rollout as the person saw it when
    // they confirmed, against the record in hand (nothing is read for it). A stale promote, promote-full, resume or
    // retry is refused with where the rollout is now; a stale pause, abort or rollback goes ahead with a note.
    QString staleNote;
    if (*kind != RolloutAction::Start && action.params.contains(u"expect")) {
        const Result<RolloutExpectation> expected = RolloutExpectation::fromJson(action.params.value(u"expect"));
        if (!expected) {
            answer(action.id, false, expected.error().message, m_record ? m_record->id : 0);
            return;
        }
        if (m_record && !expected->matches(*m_record)) {
            const QString moved = rolloutMovedText(*expected, *m_record, approvalGatesWaitedAt());
            const bool otherRollout = expected->rolloutId > 0 && expected->rolloutId != m_record->id;
            if (!isSafetyAction(*kind) || otherRollout) {
                answer(action.id, false, moved, m_record->id);
                return;
            }
            staleNote = tr("%1; carried out all the same: it only stops traffic or returns it to the stable version")
                            .arg(moved);
        }
    }
    const std::optional<RolloutFacts> current = m_record ? std::optional<RolloutFacts>(facts()) : std::nullopt;
    const RolloutDecision decision = RolloutStateMachine::decide(current, *kind);
    if (!decision.allowed) {
        answer(action.id, false, decision.reason, m_record ? m_record->id : 0);
        return;
    }
    const QString who = action.actor;
    const QString why = action.reason;
    const QString note = staleNote.isEmpty() ? QString() : QStringLiteral(" (") + staleNote + u')';
    const auto record = [&](const QString &summary) {
        event(who, QStringLiteral("action"), (why.isEmpty() ? summary : summary + QStringLiteral(" — ") + why) + note);
    };

    switch (*kind) {
    case RolloutAction::Start:
        handleStart(action, action.params.value(u"version").toString(), 0);
        return;
    case RolloutAction::Retry:
        handleStart(action, m_record->versionTo, m_record->id);
        return;
    case RolloutAction::Pause:
        m_record->state = RolloutState::Paused;
        m_record->pauseReason = PauseReason::User;
        m_record->message = tr("paused by %1").arg(who);
        if (save({})) {
            record(tr("pause"));
            answer(action.id, true, tr("rollout #%1 paused").arg(m_record->id) + note, m_record->id);
        }
        return;
    case RolloutAction::Resume: {
        QList<int> changed;
        for (int i = 0; i < m_ops.size(); ++i) {
            if (m_ops[i].status == OpStatus::Failed) {
                m_ops[i].status = OpStatus::Pending;
                changed << i;
            }
        }
        m_record->state = RolloutStateMachine::movingState(m_record->goal);
        m_record->pauseReason = PauseReason::None;
        m_record->message = tr("resumed by %1").arg(who);
        if (save(changed)) {
            record(tr("resume"));
            answer(action.id, true, tr("rollout #%1 resumed").arg(m_record->id), m_record->id);
        }
        return;
    }
    case RolloutAction::Promote:
    case RolloutAction::PromoteFull: {
        const bool full = *kind == RolloutAction::PromoteFull;
        if (full && why.trimmed().isEmpty()) {
            answer(action.id, false, tr("promote --full skips the remaining steps: give a --reason"), m_record->id);
            return;
        }
        // Approvals: a promotion past a gate, a block or outside the change calendar is refused with the reason.
        if (const QString refused = promotionRefusal(full); !refused.isEmpty()) {
            answer(action.id, false, refused, m_record->id);
            return;
        }
        if (!full && waitingAtApprovalGate()) {
            // The gate is satisfied (promotionRefusal said so): go on now rather than at the next check.
            m_record->state = RolloutState::Running;
            m_record->pauseReason = PauseReason::None;
            m_record->message = tr("promoted by %1 past a satisfied approval gate").arg(who);
            if (save({})) {
                record(tr("promote"));
                answer(action.id, true, m_record->message, m_record->id);
            }
            return;
        }
        QList<int> changed;
        for (int i = 0; i < m_ops.size(); ++i) {
            RolloutOp &op = m_ops[i];
            if (op.kind == OpKind::Pause && op.status == OpStatus::Running) {
                op.status = OpStatus::Done;
                op.finishedAt = m_store.now();
                op.result = tr("promoted by %1").arg(who);
                changed << i;
            } else if (full && op.status == OpStatus::Pending && op.skippable) {
                op.status = OpStatus::Skipped;
                op.result = tr("skipped by promote --full (%1)").arg(who);
                changed << i;
            }
        }
        if (!full && changed.isEmpty()) {
            // Not waiting: skip the next step pause instead.
            for (int i = 0; i < m_ops.size(); ++i) {
                RolloutOp &op = m_ops[i];
                if (op.kind == OpKind::Pause && op.status == OpStatus::Pending && op.role == u"step") {
                    op.status = OpStatus::Skipped;
                    op.result = tr("skipped by promote (%1)").arg(who);
                    changed << i;
                    break;
                }
            }
        }
        if (changed.isEmpty()) {
            answer(action.id, false, tr("nothing to promote: no step is waiting or left"), m_record->id);
            return;
        }
        m_record->state = RolloutState::Running;
        m_record->pauseReason = PauseReason::None;
        m_record->message = full ? tr("promoted to 100 % by %1").arg(who) : tr("promoted by %1").arg(who);
        if (save(changed)) {
            record(full ? tr("promote --full") : tr("promote"));
            answer(action.id, true, m_record->message, m_record->id);
        }
        return;
    }
    case RolloutAction::Abort:
    case RolloutAction::Rollback: {
        // The rollback latency (docs/engine.md): between the action and HAProxy lie one commit (the action's
        // bookkeeping with the restore batch's intent) and one write to the runtime socket. That commit does not
        // wait for the disk: it survives a kill -9 at once, a power cut from the batch's result commit on (FULL,
        // a few ms later). Nothing is read back from SQL; the event is recorded with the batch's result, after
        // HAProxy answered; the removal of the new version is planned after the batch (drive()).
        QElapsedTimer &timing = m_rollbackTiming;
        timing.start();
        const bool rollback = *kind == RolloutAction::Rollback;
        const QString skippedAt = m_store.now();
        const QString skipped
            = rollback ? tr("skipped by rollback (%1)").arg(who) : tr("skipped by abort (%1)").arg(who);
        for (RolloutOp &op : m_ops) {
            // As RolloutStore::skipUnfinishedOps() does in SQL.
            if (op.status == OpStatus::Pending || op.status == OpStatus::Failed
                || (op.status == OpStatus::Running
                    && (op.kind == OpKind::Pause || op.kind == OpKind::WaitHealthy
                        || op.kind == OpKind::WaitDrained))) {
                op.status = OpStatus::Skipped;
                op.finishedAt = skippedAt;
                op.result = skipped;
            }
        }
        qint64 estimateMs = 0;
        QList<RolloutOp> recovery = RolloutPlanner::recoveryOps(*m_context, m_ops, rollback, action.id, &estimateMs);
        const bool answerLater = std::any_of(recovery.cbegin(), recovery.cend(),
            [&](const RolloutOp &op) { return op.answersAction == action.id && !m_context->inPlace(); });
        if (m_context->inPlace()) {
            for (RolloutOp &op : recovery)
                op.answersAction = 0;
        }
        m_record->goal = rollback ? RolloutGoal::Rollback : RolloutGoal::Abort;
        m_record->state = RolloutStateMachine::movingState(m_record->goal);
        m_record->pauseReason = PauseReason::None;
        m_record->message = rollback ? tr("rolling back (%1)").arg(who) : tr("aborting (%1)").arg(who);
        // When the restore batch is the next thing to run, its intent goes into the same commit and the batch
        // is sent right after it.
        const bool restoreNow = answerLater && !recovery.isEmpty() && recovery.first().kind == OpKind::SetServers
            && std::all_of(m_ops.cbegin(), m_ops.cend(), [](const RolloutOp &op) { return op.isFinished(); });
        if (restoreNow) {
            RolloutOp &restore = recovery.first();
            restore.status = OpStatus::Running;
            restore.attempts = 1;
            restore.startedMs = m_clock.now().toMSecsSinceEpoch();
            restore.startedAt = m_store.now();
        }
        const qint64 plannedNs = timing.nsecsElapsed();
        qint64 stepNs[4] = {}; // begun, skipped, appended, rollout updated
        const auto write = [&]() -> Status {
            return m_store.database().transaction([&]() -> Status {
                stepNs[0] = timing.nsecsElapsed();
                if (const Status s = m_store.skipUnfinishedOps(m_record->id, skippedAt, skipped); !s)
                    return s;
                stepNs[1] = timing.nsecsElapsed();
                if (const Status s = m_store.appendOps(m_record->id, recovery); !s)
                    return s;
                stepNs[2] = timing.nsecsElapsed();
                const Status s = m_store.updateRollout(*m_record);
                stepNs[3] = timing.nsecsElapsed();
                return s;
            });
        };
        const Status written = restoreNow ? m_store.database().withoutWaitingForDisk(write) : write();
        if (!written) {
            answer(action.id, false, written.error().message, m_record->id);
            loadCurrent();
            return;
        }
        const qint64 committedNs = timing.nsecsElapsed();
        const int restoreIndex = int(m_ops.size());
        m_ops.append(recovery);
        const QString summary = rollback ? tr("rollback") : tr("abort");
        const QString detail = (why.isEmpty() ? summary : summary + QStringLiteral(" — ") + why) + note;
        if (answerLater && !note.isEmpty())
            m_actionNotes.insert(action.id, note); // added to the answer opDone() writes
        if (restoreNow) {
            m_executedHere.insert(m_ops.at(restoreIndex).id);
            executeSetServers(restoreIndex);
            m_pendingEvents << PendingEvent {
                m_record->id, who, QStringLiteral("action"), detail}; // with the batch's result
        }
        qCDebug(lcEngineTiming).nospace()
            << "rollback #" << m_record->id << " (" << m_ops.size() << " ops): planned " << plannedNs / 1000
            << " us, begin " << (stepNs[0] - plannedNs) / 1000 << " us, skip " << (stepNs[1] - stepNs[0]) / 1000
            << " us, append " << (stepNs[2] - stepNs[1]) / 1000 << " us, update " << (stepNs[3] - stepNs[2]) / 1000
            << " us, commit " << (committedNs - stepNs[3]) / 1000 << " us, batch sent at "
            << timing.nsecsElapsed() / 1000 << " us";
        emit rolloutChanged(*m_record);
        if (!restoreNow)
            event(who, QStringLiteral("action"), detail);
        if (!answerLater) {
            QString text = rollback ? tr("rolling back rollout #%1").arg(m_record->id)
                                    : tr("rollout #%1 aborted").arg(m_record->id);
            if (m_context->inPlace() && rollback) {
                const qint64 seconds = (estimateMs + 999) / 1000;
                const int slotCount = int(RolloutPlanner::deployedSlots(m_ops).size());
                text = tr("rolling back: redeploying %1 on %2 slot(s), %3 at a time; about %4 s")
                           .arg(m_context->previousVersion)
                           .arg(slotCount)
                           .arg(std::max(1, m_context->config.maxUnavailable))
                           .arg(seconds);
                m_record->message = text;
                (void)save({});
            }
            answer(action.id, true, text + note, m_record->id);
        }
        return;
    }
    }
}

void RolloutEngine::handleStart(const ActionRecord &action, const QString &version, qint64 retryOf)
{
    if (version.trimmed().isEmpty()) {
        answer(action.id, false, tr("a version is required"));
        return;
    }
    // The file may have changed since the engine started (the sandbox's hooks rewrite the versions; a person
    // adds a gate): the new rollout follows the file as it is now, as the console's places do (EnvironmentWatcher
    // hands them the same reading). An invalid file leaves the last good configuration in force.
    if (Result<Environment> fresh = loadEnvironmentFile(m_env.filePath); fresh)
        adoptEnvironment(fresh.value(), true);
    const Environment env = m_env;

    // Approvals: a block or the change calendar (without a signed override) refuses the start. Statements name
    // the rollout, so they are looked up for the id the new rollout will get (ids grow by one). Gates before
    // start do not refuse it: the new rollout waits for them (drive()).
    const QString person = RolloutGatekeeper::personOf(action.actor, action.params.value(u"person").toString());
    const qint64 nextId = (m_record ? m_record->id : 0) + 1;
    if (m_gatekeeper->enforces()) {
        // A retry is the same release: a block signed on the rollout it retries (or on those that one retried)
        // refuses it too.
        const Result<GateCheck> check = m_gatekeeper->check(
            nextId, person, GatePoint {GateStage::BeforeStart, 0}, m_clock.now(), retriedChain(retryOf));
        if (!check) {
            answer(
                action.id, false, tr("refused: the approvals cannot be read: %1").arg(check.error().message), retryOf);
            return;
        }
        if (check->outcome == GateCheck::Outcome::Rejected) {
            answer(action.id, false, tr("refused: %1").arg(check->decision.reasons.join(u' ')), retryOf);
            return;
        }
        const bool calendarRefuses = !check->decision.calendar.allowed && !check->decision.overridden;
        if (check->decision.blocked || calendarRefuses) {
            QStringList reasons;
            for (const QString &reason : check->decision.reasons) {
                bool gateReason = false;
                for (const GateStatus &gate : check->decision.gates)
                    gateReason = gateReason || reason.startsWith(gate.gate + u": ");
                if (!gateReason)
                    reasons << reason;
            }
            answer(action.id, false,
                tr("refused: %1 (a signed decision for this start names rollout %2: greenlightctl approve --env %3 "
                   "--rollout %2 ...)")
                    .arg(reasons.join(u' '))
                    .arg(nextId)
                    .arg(envArg()),
                retryOf); // a refused retry is audited under the rollout it retries
            return;
        }
    }

    PlanContext context;
    context.backend = env.backend;
    context.version = version.trimmed();
    context.config = env.strategies;
    QJsonObject params = action.params;
    if (retryOf > 0 && m_context) {
        // Same version, same strategy and settings as the rollout it retries.
        context.config = m_context->config;
        params.insert(QStringLiteral("strategy"), toString(m_context->strategy));
        params.insert(QStringLiteral("acceptDowntime"), true);
    }
    const QString strategyText = params.value(u"strategy").toString();
    const auto strategy = strategyText.isEmpty() ? std::optional<StrategyKind>(context.config.defaultStrategy)
                                                 : strategyFromString(strategyText);
    if (!strategy) {
        answer(action.id, false, tr("unknown strategy \"%1\"").arg(strategyText));
        return;
    }
    context.strategy = *strategy;
    // Per-rollout overrides (greenlightctl rollout start --steps ... --pause ...).
    const QJsonObject overrides = params.value(u"overrides").toObject();
    if (!overrides.isEmpty()) {
        QJsonObject merged = context.config.toJson();
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            merged.insert(it.key(), it.value());
        Result<StrategyConfig> config = StrategyConfig::fromJson(merged);
        if (!config) {
            answer(action.id, false, config.error().message);
            return;
        }
        context.config = config.value();
    }
    if (causesDowntime(context.strategy) && !params.value(u"acceptDowntime").toBool()) {
        answer(action.id, false,
            tr("%1 takes the service down while every slot is replaced; confirm with --accept-downtime")
                .arg(toString(context.strategy)));
        return;
    }

    m_busy = true;
    m_client->showStat(this, [this, action, env, context, retryOf](const Result<QList<ServerStat>> &stats) mutable {
        m_busy = false;
        if (!stats) {
            answer(action.id, false, tr("cannot read HAProxy's state: %1").arg(stats.error().message));
            return;
        }
        QHash<QString, const ServerStat *> byName;
        for (const ServerStat &stat : *stats) {
            if (stat.isServer() && stat.proxy == env.backend)
                byName.insert(stat.server, &stat);
        }
        QHash<QString, qint64> colourWeight;
        for (const ServerSlot &slot : env.serverSlots) {
            const ServerStat *stat = byName.value(slot.name);
            if (!stat) {
                answer(action.id, false,
                    tr("HAProxy has no server %1/%2 (named in the environment file)").arg(env.backend, slot.name));
                return;
            }
            if (WeightPlan::isServing(stat->status))
                colourWeight[slot.colour] += stat->weight;
        }
        const QStringList colours = env.colours();
        QString stable;
        for (const QString &colour : colours) {
            if (colourWeight.value(colour) > 0
                && (stable.isEmpty() || colourWeight.value(colour) > colourWeight.value(stable)))
                stable = colour;
        }
        if (stable.isEmpty()) {
            answer(action.id, false, tr("no slot of %1 serves traffic: nothing to roll out from").arg(env.backend));
            return;
        }
        context.stableColour = stable;
        context.newColour
            = context.inPlace() ? stable : (colours.value(0) == stable ? colours.value(1) : colours.value(0));
        int fullWeight = 0;
        for (const ServerSlot &slot : env.slotsOfColour(stable)) {
            const ServerStat *stat = byName.value(slot.name);
            if (WeightPlan::isServing(stat->status) && stat->weight > 0) {
                context.stableSlots << slot.name;
                context.stableWeights.insert(slot.name, stat->weight);
                fullWeight = std::max(fullWeight, stat->weight);
                if (context.previousVersion.isEmpty())
                    context.previousVersion = slot.version;
            }
        }
        context.fullWeight = std::clamp(fullWeight, 1, WeightPlan::MaxWeight);
        if (!context.inPlace()) {
            for (const ServerSlot &slot : env.slotsOfColour(context.newColour))
                context.idleSlots << slot.name;
        }
        if (context.previousVersion.isEmpty() && m_record && m_record->state == RolloutState::Completed)
            context.previousVersion = m_record->versionTo;
        if (context.previousVersion == context.version && retryOf == 0) {
            answer(action.id, false, tr("%1 already serves %2").arg(stable, context.version));
            return;
        }
        Result<QList<RolloutOp>> ops = RolloutPlanner::plan(context);
        if (!ops) {
            answer(action.id, false, ops.error().message);
            return;
        }
        RolloutRecord record;
        record.versionFrom = context.previousVersion;
        record.versionTo = context.version;
        record.strategy = toString(context.strategy);
        record.state = RolloutState::Running;
        record.stableColour = context.stableColour;
        record.newColour = context.newColour;
        record.stepCount = RolloutPlanner::stepCount(context);
        record.message = tr("starting");
        record.plan = context.toJson();
        record.startedAt = m_store.now();
        record.startedBy = action.actor;
        record.reason = action.reason;
        record.retryOf = retryOf;
        const Result<qint64> id = m_store.createRollout(record, *ops);
        if (!id) {
            qCWarning(lcEngine) << "could not record the rollout:" << id.error().toString();
            answer(action.id, false, id.error().message);
            return;
        }
        loadCurrent();
        m_desired.clear();
        m_starter = RolloutGatekeeper::personOf(action.actor, action.params.value(u"person").toString());
        m_starterFor = *id;
        event(action.actor, QStringLiteral("action"),
            (retryOf > 0 ? tr("retry of #%1: %2 %3 -> %4").arg(retryOf).arg(record.strategy)
                         : tr("start: %1 %2 -> %3").arg(record.strategy))
                    .arg(record.versionFrom.isEmpty() ? QStringLiteral("?") : record.versionFrom, record.versionTo)
                + (action.reason.isEmpty() ? QString() : QStringLiteral(" — ") + action.reason));
        answer(action.id, true,
            tr("rollout #%1 started: %2 %3 -> %4 (%5 -> %6)")
                .arg(*id)
                .arg(record.strategy, record.versionFrom, record.versionTo, record.stableColour, record.newColour),
            *id);
        emit rolloutChanged(*m_record);
    });
}

void RolloutEngine::drive()
{
    if (!isRunning())
        return; // stopped (a batch answered after stop(), a lost lock, detached files): nothing more is sent
    if (!m_record || !m_context || RolloutStateMachine::isTerminal(m_record->state))
        return;
    const RolloutState state = m_record->state;
    if (state != RolloutState::Running && state != RolloutState::Aborting && state != RolloutState::RollingBack)
        return;
    if (m_analysisRollbackFor == m_record->id && m_record->goal == RolloutGoal::Complete)
        return; // the analysis asked for a rollback: nothing moves forward until it is taken from the queue
    if (m_gateRollbackFor == m_record->id && m_record->goal == RolloutGoal::Complete)
        return; // a gate was rejected: likewise
    for (int i = 0; i < m_ops.size(); ++i) {
        if (m_ops.at(i).isFinished())
            continue;
        if (m_ops.at(i).status == OpStatus::Failed)
            return; // held; resume resets it
        if (!passGatePoint(i))
            return; // waits at an approval gate (or goes back after a rejection)
        execute(i);
        return;
    }
    switch (planRemoval()) {
    case Planned:
        drive();
        return;
    case WriteFailed:
        return; // the next tick tries again
    case NothingToPlan:
        break;
    }
    finishRollout();
}

RolloutEngine::RemovalPlan RolloutEngine::planRemoval()
{
    // A rollback's restore batch is done (here, or before a restart) and nothing follows it yet: the removal of
    // the new version, planned now rather than ahead of HAProxy (recoveryOps()).
    if (m_ops.isEmpty() || !m_ops.last().plansRemoval || m_ops.last().status != OpStatus::Done)
        return NothingToPlan;
    QList<RolloutOp> removal = RolloutPlanner::removalOps(*m_context, m_ops);
    if (removal.isEmpty())
        return NothingToPlan;
    const Status written = m_store.database().transaction([&]() -> Status {
        if (const Status s = m_store.appendOps(m_record->id, removal); !s)
            return s;
        return m_store.updateRollout(*m_record);
    });
    if (!written) {
        qCWarning(lcEngine) << "could not plan the removal of the new version:" << written.error().toString();
        loadCurrent();
        return WriteFailed;
    }
    m_ops.append(removal);
    emit rolloutChanged(*m_record);
    return Planned;
}

void RolloutEngine::finishRollout()
{
    m_record->state = RolloutStateMachine::finishedState(m_record->goal);
    m_record->finishedAt = m_store.now();
    m_record->pauseReason = PauseReason::None;
    switch (m_record->state) {
    case RolloutState::Completed:
        m_record->message = tr("completed: %1 serves %2").arg(m_record->newColour, m_record->versionTo);
        break;
    case RolloutState::Aborted:
        m_record->message = tr("aborted: traffic on %1 (%2); %3 kept for inspection (rollback removes it, retry "
                               "tries again)")
                                .arg(m_record->stableColour, m_record->versionFrom, m_record->versionTo);
        break;
    default:
        m_record->message = tr("rolled back: %1 serves %2").arg(m_record->stableColour, m_record->versionFrom);
        break;
    }
    if (save({})) {
        event(m_options.actor, QStringLiteral("state"), m_record->message);
        const QString action = m_record->state == RolloutState::Completed ? QStringLiteral("rollout.completed")
            : m_record->state == RolloutState::Aborted                    ? QStringLiteral("rollout.aborted")
                                                                          : QStringLiteral("rollout.rolled_back");
        audit(m_options.actor, action,
            QJsonObject {{QStringLiteral("message"), m_record->message},
                {QStringLiteral("version_from"), m_record->versionFrom},
                {QStringLiteral("version_to"), m_record->versionTo}},
            m_record->id);
    }
}

void RolloutEngine::execute(int index)
{
    if (!isRunning())
        return;
    RolloutOp &op = m_ops[index];
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const bool resumedHere = m_executedHere.contains(op.id);
    if (op.status == OpStatus::Pending
        || (op.status == OpStatus::Running && !resumedHere && op.kind != OpKind::Pause && op.kind != OpKind::WaitHealthy
            && op.kind != OpKind::WaitDrained)) {
        // The intent, committed before anything runs.
        op.status = OpStatus::Running;
        ++op.attempts;
        op.startedMs = now;
        op.startedAt = m_store.now();
        m_record->message = op.label;
        if (op.step >= 0 && op.kind == OpKind::Pause)
            m_record->stepIndex = op.step;
        if (!save({index}))
            return;
        m_executedHere.insert(op.id);
    } else if (!resumedHere) {
        m_executedHere.insert(op.id); // a wait or pause recorded by an earlier engine goes on where it was
    }

    switch (op.kind) {
    case OpKind::Pause: {
        if (op.pause.kind == PauseKind::Analysis && m_analyzer && m_analysisRollout == m_record->id
            && m_analysisShare == m_record->desiredShare && m_analyzer->verdict() == Verdict::Passed) {
            opDone(index, tr("analysis passed: %1").arg(m_analyzer->reason()));
            return;
        }
        if (op.pause.kind == PauseKind::Gate || op.pause.kind == PauseKind::Analysis) {
            if (m_record->state == RolloutState::Running) {
                m_record->state = RolloutState::Paused;
                m_record->pauseReason = op.pause.kind == PauseKind::Gate ? PauseReason::Gate : PauseReason::Analysis;
                m_record->message = op.pause.kind == PauseKind::Gate
                    ? tr("step %1 of %2 (%3 %) waits at a gate: greenlightctl rollout promote --env %4")
                          .arg(op.step + 1)
                          .arg(m_record->stepCount)
                          .arg(percentText(m_record->desiredShare), envArg())
                    : analysisWanted()
                    ? tr("step %1 of %2 (%3 %) waits until the analysis passes: greenlightctl analysis show --env %4 "
                         "--rollout %5")
                          .arg(op.step + 1)
                          .arg(m_record->stepCount)
                          .arg(percentText(m_record->desiredShare), envArg())
                          .arg(m_record->id)
                    : tr("step %1 of %2 (%3 %) waits for analysis, but none runs (no analysis: section, or not a "
                         "canary share): promote when satisfied")
                          .arg(op.step + 1)
                          .arg(m_record->stepCount)
                          .arg(percentText(m_record->desiredShare));
                (void)save({});
            }
            return;
        }
        if (op.pause.kind == PauseKind::None || now - op.startedMs >= op.pause.durationMs)
            opDone(index, tr("waited %1").arg(formatDurationMs(op.pause.durationMs)));
        return;
    }
    case OpKind::WaitHealthy:
    case OpKind::WaitDrained:
        executeWait(index);
        return;
    case OpKind::SetServers:
        executeSetServers(index);
        return;
    case OpKind::Deploy:
    case OpKind::Undeploy:
        executeHook(index);
        return;
    }
}

void RolloutEngine::executeSetServers(int index)
{
    const RolloutOp op = m_ops.at(index);
    QList<HaproxyCommand> commands;
    for (const ServerChange &change : op.changes) {
        Result<QList<HaproxyCommand>> built = HaproxyCommand::forChange(change);
        if (!built) {
            opFailed(index, built.error());
            return;
        }
        commands << built.value();
    }
    const Result<HaproxyCommand> showState = HaproxyCommand::showServersState(m_env.backend);
    if (!showState) {
        opFailed(index, showState.error());
        return;
    }
    // One line: the changes, then what HAProxy now reports, in the same round trip.
    commands << showState.value() << HaproxyCommand::showStat();
    updateDesired(op.changes);
    m_busy = true;
    ++m_changesInFlight;
    HaproxyRequest *request = m_client->send(commands);
    const qint64 opId = op.id;
    connect(request, &HaproxyRequest::finished, this, [this, index, opId, op](const Result<QStringList> &reply) {
        --m_changesInFlight;
        m_busy = false;
        if (index >= m_ops.size() || m_ops.at(index).id != opId)
            return;
        if (!reply) {
            opFailed(index,
                makeError(reply.error().code,
                    tr("HAProxy did not apply \"%1\": %2").arg(op.label, reply.error().message), reply.error().detail));
            return;
        }
        const Result<QList<ServerState>> states = parseServersState(reply->value(reply->size() - 2).toUtf8());
        const Result<QList<ServerStat>> stats = parseShowStat(reply->value(reply->size() - 1).toUtf8());
        if (!states || !stats) {
            opFailed(index,
                makeError(ErrorCode::Protocol,
                    tr("HAProxy applied \"%1\" but its report could not be read: %2")
                        .arg(op.label, (!states ? states.error() : stats.error()).message)));
            return;
        }
        // Verify: every change is what HAProxy now reports.
        QHash<QString, ServerState> byName;
        for (const ServerState &s : *states)
            byName.insert(s.server, s);
        for (const ServerChange &change : op.changes) {
            if (!byName.contains(change.server)) {
                opFailed(index,
                    makeError(ErrorCode::Protocol,
                        tr("HAProxy does not report server %1/%2").arg(change.backend, change.server)));
                return;
            }
        }
        // The last change of a server wins (a batch may set weight then state).
        QMap<QString, ServerChange> wanted;
        for (const ServerChange &change : op.changes) {
            ServerChange &w = wanted[change.server];
            w.server = change.server;
            if (change.weight)
                w.weight = change.weight;
            if (change.state)
                w.state = change.state;
        }
        for (const ServerChange &want : std::as_const(wanted)) {
            const ServerState &have = byName.value(want.server);
            if (want.weight && have.userWeight != *want.weight) {
                opFailed(index,
                    makeError(ErrorCode::Protocol,
                        tr("HAProxy reports %1/%2 at weight %3 after setting %4")
                            .arg(m_env.backend, want.server)
                            .arg(have.userWeight)
                            .arg(*want.weight)));
                return;
            }
            if (want.state) {
                const bool maint = have.adminFlags & kMaintBits;
                const bool drain = !maint && (have.adminFlags & kDrainBits);
                const bool ok = (*want.state == ServerAdminState::Maint && maint)
                    || (*want.state == ServerAdminState::Drain && drain)
                    || (*want.state == ServerAdminState::Ready && !maint && !drain);
                if (!ok) {
                    opFailed(index,
                        makeError(ErrorCode::Protocol,
                            tr("HAProxy reports %1/%2 not in state %3 after setting it")
                                .arg(m_env.backend, want.server, toString(*want.state))));
                    return;
                }
            }
        }
        const double actual = WeightPlan::actualPercent(*stats, m_env.backend, newSlots());
        opDone(index, tr("applied and verified"), actual);
    });
    // The batch someone waits for (a rollback's restore) does not wait behind a read in flight.
    if (op.answersAction > 0)
        request->startNow();
    else
        request->start();
}

void RolloutEngine::executeWait(int index)
{
    const RolloutOp op = m_ops.at(index);
    const qint64 opId = op.id;
    m_busy = true;
    m_client->showStat(this, [this, index, opId, op](const Result<QList<ServerStat>> &stats) {
        m_busy = false;
        if (index >= m_ops.size() || m_ops.at(index).id != opId || m_ops.at(index).status != OpStatus::Running)
            return;
        if (!stats) {
            opFailed(index,
                makeError(stats.error().code,
                    tr("cannot read HAProxy's state while waiting (%1): %2").arg(op.label, stats.error().message),
                    stats.error().detail));
            return;
        }
        QStringList notYet;
        for (const QString &slot : op.slotNames) {
            const ServerStat *found = nullptr;
            for (const ServerStat &stat : *stats) {
                if (stat.isServer() && stat.proxy == m_env.backend && stat.server == slot)
                    found = &stat;
            }
            if (!found) {
                notYet << tr("%1 (not reported)").arg(slot);
                continue;
            }
            if (op.kind == OpKind::WaitHealthy && !WeightPlan::isHealthy(*found))
                notYet << tr("%1 (%2, check %3)").arg(slot, found->status, found->checkStatus);
            if (op.kind == OpKind::WaitDrained && (found->scur > 0 || found->qcur > 0))
                notYet << tr("%1 (%2 sessions, %3 queued)").arg(slot).arg(found->scur).arg(found->qcur);
        }
        if (notYet.isEmpty()) {
            opDone(index, op.kind == OpKind::WaitHealthy ? tr("healthy") : tr("drained"));
            return;
        }
        const qint64 waited = m_clock.now().toMSecsSinceEpoch() - op.startedMs;
        const qint64 limit
            = op.kind == OpKind::WaitHealthy ? m_context->config.healthTimeoutMs : m_context->config.drainTimeoutMs;
        if (waited < limit)
            return; // the next tick polls again
        if (op.kind == OpKind::WaitDrained) {
            // Bounded: maintenance still lets in-flight requests finish.
            event(m_options.actor, QStringLiteral("note"),
                tr("still busy after %1: %2; going on (maintenance lets in-flight requests finish)")
                    .arg(formatDurationMs(limit), notYet.join(u", ")));
            opDone(index, tr("timed out after %1; went on").arg(formatDurationMs(limit)));
            return;
        }
        opFailed(index,
            makeError(
                ErrorCode::Timeout, tr("not healthy after %1: %2").arg(formatDurationMs(limit), notYet.join(u", "))));
    });
}

void RolloutEngine::executeHook(int index)
{
    const RolloutOp op = m_ops.at(index);
    const QString slotName = op.slotNames.value(0);
    QString address;
    for (const ServerSlot &slot : m_env.serverSlots) {
        if (slot.name == slotName)
            address = slot.address;
    }
    const QHash<QString, QString> values {{QStringLiteral("slot"), slotName}, {QStringLiteral("version"), op.version},
        {QStringLiteral("address"), address}};
    auto *hook = new HookRunner(op.kind == OpKind::Deploy ? m_env.deployHook : m_env.undeployHook, values,
        int(std::min<qint64>(m_context->config.hookTimeoutMs, INT_MAX)), this);
    m_hook = hook;
    m_busy = true;
    const qint64 opId = op.id;
    connect(hook, &HookRunner::finished, this, [this, hook, index, opId](const Result<QString> &output) {
        hook->deleteLater();
        m_busy = false;
        if (index >= m_ops.size() || m_ops.at(index).id != opId)
            return;
        if (!output)
            opFailed(index, output.error());
        else
            opDone(index, output.value().left(500));
    });
    hook->start();
}

void RolloutEngine::opDone(int index, const QString &result, std::optional<double> actualShare)
{
    RolloutOp &op = m_ops[index];
    op.status = OpStatus::Done;
    op.finishedAt = m_store.now();
    op.result = result;
    if (op.kind == OpKind::SetServers && op.percent >= 0)
        m_record->desiredShare = op.percent;
    if (op.kind == OpKind::SetServers && op.step >= 0)
        m_record->stepIndex = op.step;
    if (actualShare)
        m_record->actualShare = *actualShare;
    if (op.kind == OpKind::SetServers && op.percent >= 0)
        m_record->message = tr("%1 (actual %2 %)").arg(op.label, percentText(m_record->actualShare));
    // The answer of the action the operation answers (a rollback's restore batch) in the same commit.
    const qint64 actionId = op.answersAction;
    const QString answerText = actionId > 0 ? tr("%1: HAProxy reports the new weights (new version at %2 %)")
                                                  .arg(op.label, percentText(m_record->actualShare))
            + m_actionNotes.take(actionId)
                                            : QString();
    const qint64 rolloutId = m_record->id;
    const qint64 repliedNs = actionId > 0 && m_rollbackTiming.isValid() ? m_rollbackTiming.nsecsElapsed() : 0;
    if (!save({index}, [&]() -> Status {
            return actionId > 0 ? m_store.answerAction(actionId, true, answerText, rolloutId) : Status {};
        }))
        return;
    if (actionId > 0) {
        if (repliedNs > 0)
            qCDebug(lcEngineTiming).nospace()
                << "action " << actionId << ": HAProxy answered at " << repliedNs / 1000 << " us, answer committed at "
                << m_rollbackTiming.nsecsElapsed() / 1000 << " us";
        m_rollbackTiming.invalidate();
        answered(actionId, true, answerText, rolloutId);
    }
    // Go on at once rather than at the next tick (a rollback's batches follow each other quickly).
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_timer.isActive() && !m_busy && m_reconciled)
                drive();
        },
        Qt::QueuedConnection);
}

void RolloutEngine::opFailed(int index, const Error &error)
{
    RolloutOp &op = m_ops[index];
    op.status = OpStatus::Failed;
    op.finishedAt = m_store.now();
    op.result = error.toString();
    m_record->state = RolloutState::Held;
    m_record->pauseReason = PauseReason::None;
    const QString hint = m_record->goal == RolloutGoal::Complete
        ? tr("resume retries it; abort or rollback brings traffic back to %1").arg(m_record->versionFrom)
        : tr("resume retries it");
    m_record->message = tr("held: %1 (%2)").arg(error.message, hint);
    qCWarning(lcEngine) << "operation failed:" << op.label << error.toString();
    if (save({index})) {
        event(m_options.actor, QStringLiteral("error"), tr("%1 failed: %2").arg(op.label, error.toString()));
        audit(m_options.actor, QStringLiteral("rollout.held"),
            QJsonObject {{QStringLiteral("operation"), op.label}, {QStringLiteral("error"), error.message}},
            m_record->id);
    }
    if (op.answersAction > 0)
        answer(op.answersAction, false, m_record->message, m_record->id);
}

// ---- Analysis ------------------------------------------------------------------------------------------------

bool RolloutEngine::analysisWanted() const
{
    // A canary whose new version takes part (not all) of the traffic: at 100 % the stable version serves
    // nothing left to compare with. Held (an operation failed, or the analysis held it) stops the analysis;
    // resume starts a new run.
    return m_record && m_context && m_env.analysis.configured && !m_env.analysis.rules.isEmpty()
        && m_context->strategy == StrategyKind::Canary && m_record->goal == RolloutGoal::Complete
        && (m_record->state == RolloutState::Running || m_record->state == RolloutState::Paused)
        && m_record->desiredShare > 0 && m_record->desiredShare < 100 && m_analysisRollbackFor != m_record->id;
}

void RolloutEngine::updateAnalysis()
{
    if (!analysisWanted()) {
        stopAnalysis();
        return;
    }
    if (m_analyzer && m_analysisRollout == m_record->id && m_analysisShare == m_record->desiredShare) {
        if (!m_analyzer->isRunning() || m_analysisActed)
            return; // this step's verdict was acted on (or the run could not start)
        // Dead man's switch: an analysis that stops producing answered evaluations (Prometheus down, a query
        // that hangs) must not look like a passing one. The Analyzer says Inconclusive itself after
        // prometheus_unreachable_after; this catches it one interval later if it does not.
        const qint64 limit = m_env.analysis.prometheusUnreachableAfterMs + m_env.analysis.intervalMs;
        if (m_clock.monotonicMs() - m_analysisAnsweredMs > limit)
            analysisInconclusive(tr("no analysis evaluation completed for %1").arg(formatDurationMs(limit)), true);
        return;
    }
    stopAnalysis();
    startAnalysis();
}

void RolloutEngine::startAnalysis()
{
    // The analyzer only reads the clock; the engine keeps it as const.
    auto *analyzer = new Analyzer(m_env.analysis, *m_prometheus, const_cast<Clock &>(m_clock), this);
    analyzer->setStore(m_measurements.get());
    connect(analyzer, &Analyzer::verdictChanged, this,
        [this, analyzer](Verdict verdict, const QString &reason) { onVerdict(analyzer, verdict, reason); });
    connect(analyzer, &Analyzer::evaluated, this, [this, analyzer](const Evaluation &evaluation) {
        if (analyzer == m_analyzer && !evaluation.prometheusFailed)
            m_analysisAnsweredMs = m_clock.monotonicMs();
    });
    connect(analyzer, &Analyzer::storeFailed, this, [](const Error &error) {
        qCWarning(lcEngine) << "could not store an analysis measurement:" << error.toString();
    });
    m_analyzer = analyzer;
    m_analysisRollout = m_record->id;
    m_analysisShare = m_record->desiredShare;
    m_analysisStartedMs = m_clock.monotonicMs();
    m_analysisAnsweredMs = m_analysisStartedMs;
    m_analysisActed = false;
    const Status started = analyzer->start(m_record->versionTo, m_record->versionFrom, m_record->id);
    if (!started) {
        event(QStringLiteral("analysis"), QStringLiteral("alarm"),
            tr("the analysis cannot run: %1; an analysis step waits like a gate (promote or roll back)")
                .arg(started.error().message));
        return;
    }
    event(QStringLiteral("analysis"), QStringLiteral("analysis"),
        tr("analysis run #%1 started: %2 at %3 % against %4 (greenlightctl analysis show --env %5 --rollout %6)")
            .arg(analyzer->runId())
            .arg(m_record->versionTo, percentText(m_record->desiredShare), m_record->versionFrom, envArg())
            .arg(m_record->id));
}

void RolloutEngine::stopAnalysis()
{
    if (!m_analyzer)
        return;
    Analyzer *analyzer = m_analyzer;
    m_analyzer = nullptr;
    m_analysisShare = -1;
    analyzer->disconnect(this);
    analyzer->stop();
    analyzer->deleteLater(); // may be inside its own signal
}

void RolloutEngine::onVerdict(Analyzer *analyzer, Verdict verdict, const QString &reason)
{
    if (analyzer != m_analyzer || m_analysisActed || !m_record || m_record->id != m_analysisRollout)
        return;
    switch (verdict) {
    case Verdict::Passed:
        analysisPassed(reason);
        return;
    case Verdict::Failed:
        m_analysisActed = true;
        event(QStringLiteral("analysis"), QStringLiteral("analysis"),
            tr("analysis failed at %1 %: %2; rolling back").arg(percentText(m_record->desiredShare), reason));
        analysisRollback(reason);
        return;
    case Verdict::Inconclusive: {
        const bool deadMan
            = m_clock.monotonicMs() - m_analysisAnsweredMs >= m_env.analysis.prometheusUnreachableAfterMs;
        analysisInconclusive(reason, deadMan);
        return;
    }
    case Verdict::Pending:
    case Verdict::Passing:
    case Verdict::Failing:
        return;
    }
}

void RolloutEngine::analysisPassed(const QString &reason)
{
    // Ends the analysis pause of this step if it waits; otherwise execute() sees Passed when it gets there.
    for (int i = 0; i < m_ops.size(); ++i) {
        RolloutOp &op = m_ops[i];
        if (op.kind != OpKind::Pause || op.status != OpStatus::Running || op.pause.kind != PauseKind::Analysis)
            continue;
        if (m_record->state != RolloutState::Paused || m_record->pauseReason != PauseReason::Analysis)
            return; // paused by an operator, or held: the analysis does not override a person
        op.status = OpStatus::Done;
        op.finishedAt = m_store.now();
        op.result = tr("analysis passed: %1").arg(reason);
        m_record->state = RolloutState::Running;
        m_record->pauseReason = PauseReason::None;
        m_record->message = tr("analysis passed at %1 %; going on").arg(percentText(m_record->desiredShare));
        if (!save({i}))
            return;
        event(QStringLiteral("analysis"), QStringLiteral("analysis"),
            tr("analysis passed at %1 %: %2; step %3 of %4 goes on")
                .arg(percentText(m_record->desiredShare), reason)
                .arg(op.step + 1)
                .arg(m_record->stepCount));
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_timer.isActive() && !m_busy && m_reconciled)
                    drive();
            },
            Qt::QueuedConnection);
        return;
    }
}

void RolloutEngine::analysisRollback(const QString &why)
{
    // Taken at once rather than at the next tick (outside the analyzer's signal).
    const Status queued = queueRollback(QStringLiteral("analysis"), why);
    if (!queued) {
        qCWarning(lcEngine) << "could not queue the analysis rollback:" << queued.error().toString();
        m_record->state = RolloutState::Held;
        m_record->pauseReason = PauseReason::None;
        m_record->message = tr("held: the analysis asked for a rollback (%1) but it could not be queued: %2")
                                .arg(why, queued.error().message);
        event(QStringLiteral("analysis"), QStringLiteral("alarm"), m_record->message);
        (void)save({});
        return;
    }
    m_analysisRollbackFor = m_record->id;
}

Status RolloutEngine::queueRollback(const QString &actor, const QString &why)
{
    // The normal rollback path: an action in the queue, answered and audited like an operator's.
    ActionRecord action;
    action.rolloutId = m_record->id;
    action.action = toString(RolloutAction::Rollback);
    action.actor = actor;
    action.reason = why;
    const Result<qint64> queued = m_store.enqueueAction(action);
    if (!queued)
        return queued.error();
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_timer.isActive() && !m_busy && m_reconciled) {
                processActions();
                if (!m_busy)
                    drive();
            }
        },
        Qt::QueuedConnection);
    return {};
}

void RolloutEngine::analysisInconclusive(const QString &reason, bool alarm)
{
    m_analysisActed = true;
    if (m_analyzer)
        QMetaObject::invokeMethod(m_analyzer.data(), &Analyzer::stop, Qt::QueuedConnection);
    const QString kind = alarm ? QStringLiteral("alarm") : QStringLiteral("analysis");
    const QString share = percentText(m_record->desiredShare);
    if (m_env.analysis.inconclusivePolicy == InconclusivePolicy::Rollback) {
        event(QStringLiteral("analysis"), kind,
            tr("analysis inconclusive at %1 %: %2; inconclusive_policy is rollback: rolling back").arg(share, reason));
        analysisRollback(tr("analysis inconclusive: %1").arg(reason));
        return;
    }
    const bool waitsForPerson
        = m_record->state == RolloutState::Paused && m_record->pauseReason != PauseReason::Analysis;
    if (waitsForPerson) {
        // Already stopped at a gate or by an operator: the person deciding there is told, nothing changes.
        event(QStringLiteral("analysis"), kind,
            tr("analysis inconclusive at %1 %: %2; the rollout already waits for a person").arg(share, reason));
        return;
    }
    m_record->state = RolloutState::Held;
    m_record->pauseReason = PauseReason::None;
    m_record->message = tr("held by analysis at %1 % (never promoted on an inconclusive analysis): %2; resume "
                           "runs the analysis again, promote after it, rollback brings traffic back to %3")
                            .arg(share, reason, m_record->versionFrom);
    if (save({}))
        event(QStringLiteral("analysis"), kind, m_record->message);
}

// ---- Approvals and audit --------------------------------------------------------------------------------------

void RolloutEngine::setAuditSigner(const SigningKey &key)
{
    m_gatekeeper->setSigner(key);
    m_auditSigned = !key.isNull();
}

void RolloutEngine::loadAuditSigner(CredentialStore &credentials, int signerWaitMs)
{
    if (m_signerPending)
        return;
    m_signerPending = true;
    m_signerWaitMs = signerWaitMs;
    m_identities = std::make_unique<IdentityStore>(&credentials);
    IdentityJob *job = m_identities->load(IdentityStore::auditKeyName(), true);
    m_signerJob = job;
    connect(job, &IdentityJob::finished, this, [this](const Result<SigningKey> &key) {
        m_signerPending = false;
        if (key) {
            setAuditSigner(*key);
            return;
        }
        qCDebug(lcEngine) << "audit checkpoints are written unsigned:" << key.error().toString();
        emit auditSignerUnavailable(key.error());
    });
    job->start();
}

void RolloutEngine::audit(const QString &actor, const QString &action, const QJsonObject &detail, qint64 rolloutId)
{
    AuditRecord record;
    record.actor = actor;
    record.action = action;
    record.subject
        = rolloutId > 0 ? RolloutGatekeeper::subjectFor(rolloutId) : QStringLiteral("environment:") + m_env.name;
    record.detail = detail;
    m_auditQueue.append({rolloutId, record});
    if (m_auditFlushQueued)
        return;
    // Written after the current tick, so that an HAProxy batch the action started is already on its way
    // (an append waits for fsync).
    m_auditFlushQueued = true;
    QMetaObject::invokeMethod(this, &RolloutEngine::flushAudit, Qt::QueuedConnection);
}

void RolloutEngine::flushAudit()
{
    m_auditFlushQueued = false;
    while (!m_auditQueue.isEmpty()) {
        const auto [rolloutId, record] = m_auditQueue.takeFirst();
        const Result<AuditEntry> entry = m_gatekeeper->append(record);
        if (entry) {
            m_auditAppended = true;
            continue;
        }
        // Visible where people look: the rollout's history, the log, and a signal for the console.
        qCWarning(lcEngine) << "could not append to the audit log:" << record.action << entry.error().toString();
        if (rolloutId > 0) {
            if (const Status s = m_store.addEvent(rolloutId, m_options.actor, QStringLiteral("error"),
                    tr("not in the audit log: %1 (%2)").arg(record.action, entry.error().message));
                !s)
                qCWarning(lcEngine) << "could not record an event:" << s.error().toString();
        }
        emit auditFailed(entry.error());
    }
}

bool RolloutEngine::appendNow(const QString &action, const QJsonObject &detail)
{
    audit(m_options.actor, action, detail, m_record->id);
    bool ok = true;
    // Flush now: a gate's decision is durable before the rollout acts on it.
    m_auditFlushQueued = false;
    while (!m_auditQueue.isEmpty()) {
        const auto [rolloutId, record] = m_auditQueue.takeFirst();
        const Result<AuditEntry> entry = m_gatekeeper->append(record);
        if (entry) {
            m_auditAppended = true;
            continue;
        }
        ok = ok && record.action != action;
        qCWarning(lcEngine) << "could not append to the audit log:" << record.action << entry.error().toString();
        if (rolloutId > 0)
            (void)m_store.addEvent(rolloutId, m_options.actor, QStringLiteral("error"),
                tr("not in the audit log: %1 (%2)").arg(record.action, entry.error().message));
        emit auditFailed(entry.error());
    }
    return ok;
}

void RolloutEngine::auditAnswer(qint64 actionId, bool done, const QString &text, qint64 rolloutId)
{
    const ActionRecord action = m_actionsInFlight.take(actionId);
    const bool automatic = action.actor == u"analysis" || action.actor == u"approvals";
    QString name;
    if (!done)
        name = QStringLiteral("rollout.refused");
    else if (automatic)
        name = QStringLiteral("rollout.auto_rollback");
    else
        name = u"rollout." + (action.action.isEmpty() ? QStringLiteral("action") : action.action);
    QJsonObject detail {
        {QStringLiteral("action_id"), actionId},
        {QStringLiteral("action"), action.action},
        {QStringLiteral("result"), done ? QStringLiteral("done") : QStringLiteral("refused")},
        {QStringLiteral("answer"), text},
        {QStringLiteral("reason"), action.reason},
        {QStringLiteral("person"),
            RolloutGatekeeper::personOf(action.actor, action.params.value(u"person").toString())},
    };
    if (automatic) {
        detail.insert(QStringLiteral("source"), action.actor);
        detail.insert(QStringLiteral("verdict"), action.reason);
    }
    if (const QString version = action.params.value(u"version").toString(); !version.isEmpty())
        detail.insert(QStringLiteral("version"), version);
    if (action.action == u"retry" && m_record && done)
        detail.insert(QStringLiteral("retry_of"), m_record->retryOf);
    audit(action.actor.isEmpty() ? m_options.actor : action.actor, name, detail, rolloutId);
}

QString RolloutEngine::starter()
{
    if (!m_record)
        return {};
    if (m_starterFor == m_record->id)
        return m_starter;
    QString person;
    if (const Result<GateHistory> history = m_gatekeeper->history(m_record->id); history)
        person = history->starter;
    if (person.isEmpty())
        person = RolloutGatekeeper::personOf(m_record->startedBy);
    m_starter = person;
    m_starterFor = m_record->id;
    return person;
}

QList<qint64> RolloutEngine::retriedChain(qint64 retryOf)
{
    if (retryOf <= 0)
        return {};
    if (m_retriedFor == retryOf)
        return m_retried;
    QList<qint64> chain;
    for (qint64 id = retryOf; id > 0 && !chain.contains(id) && chain.size() < 1000;) {
        chain << id;
        const Result<std::optional<RolloutRecord>> earlier = m_store.rollout(id);
        id = earlier && earlier->has_value() ? (*earlier)->retryOf : 0;
    }
    m_retried = chain;
    m_retriedFor = retryOf;
    return chain;
}

int RolloutEngine::nextOpIndex() const
{
    for (int i = 0; i < m_ops.size(); ++i) {
        if (!m_ops.at(i).isFinished())
            return i;
    }
    return -1;
}

std::optional<GatePoint> RolloutEngine::gatePointAt(int index) const
{
    if (!m_record || !m_context || m_record->goal != RolloutGoal::Complete || index < 0 || index >= m_ops.size())
        return std::nullopt;
    const RolloutOp &op = m_ops.at(index);
    if (op.status != OpStatus::Pending)
        return std::nullopt; // already under way: its point was passed
    const bool nothingYet
        = std::all_of(m_ops.cbegin(), m_ops.cend(), [](const RolloutOp &o) { return o.status == OpStatus::Pending; });
    if (nothingYet && index == 0)
        return GatePoint {GateStage::BeforeStart, 0};
    if (op.kind != OpKind::SetServers || op.role != u"step" || op.percent <= 0)
        return std::nullopt;
    if (m_context->strategy == StrategyKind::Canary)
        return GatePoint {GateStage::CanaryStep, int(std::lround(op.percent))};
    if (m_context->strategy == StrategyKind::BlueGreen)
        return GatePoint {GateStage::BeforeSwitch, 0};
    return std::nullopt;
}

std::optional<QStringList> RolloutEngine::approvalGatesWaitedAt() const
{
    if (!waitingAtApprovalGate())
        return std::nullopt;
    const std::optional<GatePoint> point = gatePointAt(nextOpIndex());
    return point ? m_gatekeeper->gateNamesAt(*point) : QStringList();
}

bool RolloutEngine::waitingAtApprovalGate() const
{
    if (!m_record || m_record->state != RolloutState::Paused || m_record->pauseReason != PauseReason::Gate)
        return false;
    for (const RolloutOp &op : m_ops) {
        if (op.kind == OpKind::Pause && op.status == OpStatus::Running)
            return false; // a step pause of kind gate: waits for promote as before
    }
    return gatePointAt(nextOpIndex()).has_value();
}

bool RolloutEngine::passGatePoint(int index)
{
    if (!m_gatekeeper->enforces())
        return true;
    const std::optional<GatePoint> point = gatePointAt(index);
    if (!point)
        return true;
    return checkGatePoint(*point);
}

void RolloutEngine::checkWaitingGate()
{
    if (m_record && !m_gatekeeper->enforces() && m_gateRollbackFor != m_record->id && waitingAtApprovalGate()) {
        // The environment file no longer configures approvals (setEnvironment): nothing holds the rollout any more.
        m_record->state = RolloutState::Running;
        m_record->pauseReason = PauseReason::None;
        m_record->message = tr("the environment file no longer configures approvals; going on");
        if (save({})) {
            event(m_options.actor, QStringLiteral("note"), m_record->message);
            drive();
        }
        return;
    }
    if (!m_record || !m_gatekeeper->enforces() || m_gateRollbackFor == m_record->id || !waitingAtApprovalGate())
        return;
    if (const std::optional<GatePoint> point = gatePointAt(nextOpIndex()); point && checkGatePoint(*point))
        drive();
}

QJsonObject RolloutEngine::gateDetail(const GateCheck &check) const
{
    QJsonObject detail = check.toJson();
    detail.insert(QStringLiteral("opened_at"), check.openedAt.toUTC().toString(Qt::ISODateWithMs));
    detail.insert(QStringLiteral("starter"), m_starter);
    return detail;
}

bool RolloutEngine::checkGatePoint(const GatePoint &point)
{
    if (m_gateHistoryFor != m_record->id) {
        const Result<GateHistory> history = m_gatekeeper->history(m_record->id);
        m_gateHistory = history ? history.value() : GateHistory {};
        m_gateHistoryFor = m_record->id;
    }
    const QString key = point.key();
    if (m_gateHistory.resolved.value(key) == u"gate.satisfied")
        return true;
    const QString person = starter();
    QDateTime openedAt = m_gateHistory.openedAt.value(key);
    const bool first = !openedAt.isValid();
    if (first)
        openedAt = m_clock.now();
    const Result<GateCheck> check
        = m_gatekeeper->check(m_record->id, person, point, openedAt, retriedChain(m_record->retryOf));
    const auto hold = [&](const QString &message) {
        if (m_record->state == RolloutState::Paused && m_record->pauseReason == PauseReason::Gate
            && m_record->message == message)
            return;
        m_record->state = RolloutState::Paused;
        m_record->pauseReason = PauseReason::Gate;
        m_record->message = message;
        (void)save({});
    };
    if (!check) {
        // Fail closed: approvals that cannot be read do not let traffic move.
        hold(tr("waits before %1: the approvals cannot be read (%2)").arg(key, check.error().message));
        return false;
    }
    switch (check->outcome) {
    case GateCheck::Outcome::Open: {
        const bool mattered = check->gated || check->decision.overridden || !first;
        if (mattered) {
            if (!appendNow(QStringLiteral("gate.satisfied"), gateDetail(*check))) {
                hold(tr("waits before %1: approved, but the audit log cannot record it").arg(key));
                return false;
            }
            const QStringList by = check->approvedBy();
            event(m_options.actor, QStringLiteral("action"),
                by.isEmpty() ? tr("approvals satisfied before %1").arg(key)
                             : tr("approval gate satisfied before %1: approved by %2").arg(key, by.join(u", ")));
        }
        m_gateHistory.resolved.insert(key, QStringLiteral("gate.satisfied"));
        if (m_record->state == RolloutState::Paused && m_record->pauseReason == PauseReason::Gate) {
            m_record->state = RolloutState::Running;
            m_record->pauseReason = PauseReason::None;
            const QStringList by = check->approvedBy();
            m_record->message = by.isEmpty() ? tr("approvals satisfied before %1; going on").arg(key)
                                             : tr("approved by %1; going on").arg(by.join(u", "));
            if (!save({}))
                return false;
        }
        return true;
    }
    case GateCheck::Outcome::Waiting: {
        if (first) {
            if (!appendNow(QStringLiteral("gate.wait"), gateDetail(*check))) {
                hold(tr("waits before %1: the audit log cannot record the gate").arg(key));
                return false;
            }
            m_gateHistory.openedAt.insert(key, openedAt);
            m_gateHistory.lastWaitingPoint = key;
            event(m_options.actor, QStringLiteral("note"),
                tr("waits at an approval gate before %1: %2").arg(key, check->summary()));
        }
        const QStringList gateNames = [&] {
            QStringList names;
            for (const GateStatus &gate : check->decision.gates) {
                if (!gate.satisfied())
                    names << gate.gate;
            }
            return names;
        }();
        const bool calendarHolds = !check->decision.calendar.allowed && !check->decision.overridden
            && !m_gatekeeper->config().calendar.overrideGroups.isEmpty();
        if (!gateNames.isEmpty())
            hold(tr("waits before %1 at %2: %3 (greenlightctl approve --env %4 --rollout %5 --gate %6)")
                     .arg(key, gateNames.join(u", "), check->summary(), envArg())
                     .arg(m_record->id)
                     .arg(gateNames.first()));
        else if (calendarHolds && !check->decision.blocked)
            hold(tr("waits before %1: %2 (it goes on when the window opens, or with an override: greenlightctl "
                    "approve --env %3 --rollout %4 --override --input reason=...)")
                     .arg(key, check->summary(), envArg())
                     .arg(m_record->id));
        else
            hold(tr("waits before %1: %2").arg(key, check->summary()));
        return false;
    }
    case GateCheck::Outcome::Rejected: {
        if (m_gateRollbackFor == m_record->id)
            return false;
        const QString action = check->timedOut ? QStringLiteral("gate.timed_out") : QStringLiteral("gate.rejected");
        if (!appendNow(action, gateDetail(*check)))
            qCWarning(lcEngine) << "the gate's rejection is not in the audit log; rolling back anyway";
        m_gateHistory.resolved.insert(key, action);
        const QString why = check->decision.reasons.join(u' ');
        event(m_options.actor, QStringLiteral("error"),
            (check->timedOut ? tr("approval gate %1 timed out before %2: %3; rolling back")
                             : tr("approval gate %1 rejected before %2: %3; rolling back"))
                .arg(check->rejectedGate, key, why));
        gateRollback(why);
        return false;
    }
    }
    return false;
}

void RolloutEngine::gateRollback(const QString &why)
{
    const Status queued = queueRollback(QStringLiteral("approvals"), why);
    if (!queued) {
        m_record->state = RolloutState::Held;
        m_record->pauseReason = PauseReason::None;
        m_record->message = tr("held: an approval gate was rejected (%1) but the rollback could not be queued: %2")
                                .arg(why, queued.error().message);
        event(m_options.actor, QStringLiteral("error"), m_record->message);
        (void)save({});
        return;
    }
    m_gateRollbackFor = m_record->id;
}

QString RolloutEngine::promotionRefusal(bool full)
{
    if (!m_gatekeeper->enforces() || !m_record || m_record->goal != RolloutGoal::Complete)
        return {};
    // The points this promotion moves through: the next one (promote), or every one left (promote --full).
    QList<GatePoint> points;
    for (int i = std::max(0, nextOpIndex()); i >= 0 && i < m_ops.size(); ++i) {
        const std::optional<GatePoint> point = gatePointAt(i);
        if (!point)
            continue;
        points << *point;
        if (!full)
            break;
    }
    if (points.isEmpty())
        return {}; // no traffic step left to move past
    if (m_gateHistoryFor != m_record->id) {
        const Result<GateHistory> history = m_gatekeeper->history(m_record->id);
        m_gateHistory = history ? history.value() : GateHistory {};
        m_gateHistoryFor = m_record->id;
    }
    const QString person = starter();
    for (const GatePoint &point : std::as_const(points)) {
        QDateTime openedAt = m_gateHistory.openedAt.value(point.key());
        if (!openedAt.isValid())
            openedAt = m_clock.now();
        const Result<GateCheck> check
            = m_gatekeeper->check(m_record->id, person, point, openedAt, retriedChain(m_record->retryOf));
        if (!check)
            return tr("refused: the approvals cannot be read: %1").arg(check.error().message);
        if (check->outcome != GateCheck::Outcome::Open)
            return tr("refused before %1: %2").arg(point.key(), check->decision.reasons.join(u' '));
    }
    return {};
}

} // namespace gl
