#include "rolloutsession.h"

#include "approvals/rolloutpolicy.h"
#include "audit/auditlog.h"
#include "backends/haproxy/haproxyruntimeclient.h"
#include "engine/enginelock.h"
#include "model/environmentchange.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QThread>

namespace gl {

Q_LOGGING_CATEGORY(lcSession, "greenlight.core.rolloutsession")

RolloutSession::RolloutSession(Environment environment, const Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_env(std::move(environment))
    , m_clock(clock)
    , m_options(options)
{
    m_pollTimer.setInterval(m_options.pollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &RolloutSession::refresh);
    m_slotsTimer.setInterval(qMax(1, m_options.slotsPollMs));
    connect(&m_slotsTimer, &QTimer::timeout, this, &RolloutSession::refreshSlots);
    m_engineTimer.setInterval(m_options.engineRetryMs);
    connect(&m_engineTimer, &QTimer::timeout, this, &RolloutSession::tryStartEngine);
    rebuildSlots();
}

RolloutSession::RolloutSession(Environment environment, QObject *parent)
    : RolloutSession(std::move(environment), SystemClock::instance(), Options {}, parent)
{ }

RolloutSession::~RolloutSession()
{
    close();
}

Status RolloutSession::open()
{
    if (m_state)
        return {};
    // Database::open reads user_version before its migration transaction, so two processes opening a NEW
    // state database at the same instant can both try a migration and one fails; opening again then succeeds.
    Result<StateStore> state = StateStore::open(m_env.stateDatabase);
    for (int attempt = 0; !state && attempt < 5 && state.error().code != ErrorCode::NewerSchema
         && state.error().code != ErrorCode::ReadOnly && state.error().code != ErrorCode::Corrupt;
         ++attempt) {
        QThread::msleep(100);
        state = StateStore::open(m_env.stateDatabase);
    }
    if (!state)
        return state.error();
    m_state.emplace(std::move(state).value());
    m_store = std::make_unique<RolloutStore>(*m_state, m_clock);
    m_lock = std::make_unique<EngineLock>(*m_state, m_clock);
    if (!m_env.runtimeApi.isEmpty()) {
        m_haproxy = std::make_unique<HaproxyRuntimeClient>(m_env.runtimeApi);
        m_haproxy->setDefaultTimeout(2000);
    }
    if (m_options.runEngine)
        tryStartEngine();
    else
        setEngineHolder();
    refresh();
    m_pollTimer.start();
    if (m_options.slotsPollMs > 0 && m_haproxy) {
        refreshSlots();
        m_slotsTimer.start();
    }
    return {};
}

void RolloutSession::close()
{
    m_pollTimer.stop();
    m_slotsTimer.stop();
    m_engineTimer.stop();
    if (m_engine)
        m_engine->stop();
    m_engine.reset();
    m_haproxy.reset();
    m_lock.reset();
    m_store.reset();
    m_state.reset();
}

void RolloutSession::setEnvironment(const Environment &environment)
{
    m_env = reloadedEnvironment(m_env, environment);
    if (m_engine)
        m_engine->setEnvironment(m_env);
    rebuildSlots();
    Q_EMIT environmentChanged();
    Q_EMIT slotsChanged();
}

bool RolloutSession::drivesRolloutInProgress() const
{
    return drivesEngine() && !m_rollouts.isEmpty() && !RolloutStateMachine::isTerminal(m_rollouts.first().state);
}

void RolloutSession::tryStartEngine()
{
    if (!m_state)
        return;
    if (!m_engine) {
        m_engine = std::make_unique<RolloutEngine>(m_env, *m_state, m_clock, m_options.engine);
        connect(m_engine.get(), &RolloutEngine::stoppedWithError, this, [this](const Error &error) {
            qCWarning(lcSession) << "engine stopped:" << error.toString();
            if (error.code == ErrorCode::Detached) {
                // Said plainly; the database reopens itself at the next read, then the engine starts again on
                // the files at the path (or this console observes the engine that holds them now).
                Q_EMIT storeError(error);
                m_seenLatestId = -1; // read everything again from the reopened file
                QTimer::singleShot(0, this, &RolloutSession::refresh);
            }
            setEngineHolder();
            m_engineTimer.start();
        });
        if (m_credentials)
            m_engine->loadAuditSigner(*m_credentials);
    }
    if (!m_engine->isRunning()) {
        if (const Status started = m_engine->start(); started) {
            m_engineTimer.stop();
        } else {
            if (started.error().code != ErrorCode::Locked)
                qCWarning(lcSession) << "engine did not start:" << started.error().toString();
            m_engineTimer.start(); // observe; take over when the holder's heartbeat stops
        }
    }
    setEngineHolder();
}

void RolloutSession::setEngineHolder()
{
    QString holder;
    if (!drivesEngine() && m_lock) {
        const Result<std::optional<EngineLock::Holder>> live = m_lock->liveHolder();
        if (live.ok() && live->has_value())
            holder = tr("pid %1 on %2").arg((*live)->pid).arg((*live)->host);
    }
    const bool drives = drivesEngine();
    if (holder != m_engineHolder || drives != m_lastDrives) {
        m_engineHolder = holder;
        m_lastDrives = drives;
        Q_EMIT engineChanged(drives);
    }
}

QList<RolloutSession::StepInfo> RolloutSession::stepsOf(const RolloutRecord &record, const QList<RolloutOp> &ops)
{
    QList<StepInfo> steps;
    const auto stepAt = [&steps](int index) -> StepInfo & {
        while (steps.size() <= index) {
            StepInfo info;
            info.index = int(steps.size());
            steps << info;
        }
        return steps[index];
    };
    for (const RolloutOp &op : ops) {
        if (op.step < 0)
            continue;
        if (op.kind == OpKind::SetServers && op.percent >= 0) {
            StepInfo &info = stepAt(op.step);
            info.percent = op.percent;
            info.status = op.status == OpStatus::Done ? StepInfo::Status::Done
                : op.status == OpStatus::Skipped      ? StepInfo::Status::Skipped
                                                      : StepInfo::Status::Pending;
        } else if (op.kind == OpKind::Pause && op.role == u"step") {
            stepAt(op.step).pause = op.pause.toString();
        }
    }
    // Plans without per-step operations (or not read yet): evenly spread over stepCount.
    for (int i = int(steps.size()); i < record.stepCount; ++i)
        stepAt(i).percent = 100.0 * double(i + 1) / double(record.stepCount);
    const bool moving = RolloutStateMachine::isActive(record.state) && record.goal == RolloutGoal::Complete;
    if (moving && record.stepIndex >= 0 && record.stepIndex < steps.size())
        steps[record.stepIndex].status = StepInfo::Status::Current;
    return steps;
}

int RolloutSession::stableSlotCount(const RolloutRecord &record)
{
    return int(record.plan.value(u"stableSlots").toArray().size());
}

std::optional<RolloutRecord> RolloutSession::latest() const
{
    if (m_rollouts.isEmpty())
        return std::nullopt;
    return m_rollouts.first();
}

std::optional<RolloutRecord> RolloutSession::rollout(qint64 id) const
{
    for (const RolloutRecord &record : m_rollouts) {
        if (record.id == id)
            return record;
    }
    return std::nullopt;
}

Result<QList<RolloutOp>> RolloutSession::ops(qint64 rolloutId) const
{
    if (!m_store)
        return makeError(ErrorCode::Unavailable, tr("The environment's state database is not open."));
    return m_store->ops(rolloutId);
}

Result<QList<EventRecord>> RolloutSession::events(qint64 rolloutId) const
{
    if (!m_store)
        return makeError(ErrorCode::Unavailable, tr("The environment's state database is not open."));
    return m_store->events(rolloutId);
}

void RolloutSession::refresh()
{
    if (!m_state)
        return;
    // The engine checks its own files while it drives; an observing console checks the state database here.
    if (!drivesEngine() && m_options.verifyFilesMs > 0
        && (!m_sinceFilesCheck.isValid() || m_sinceFilesCheck.hasExpired(m_options.verifyFilesMs))) {
        m_sinceFilesCheck.start();
        if (const Status files = m_state->database().verifyFiles(); !files) {
            qCWarning(lcSession) << "state database detached:" << files.error().detail;
            Q_EMIT storeError(files.error());
            m_seenLatestId = -1; // read everything again from the reopened file
        }
    }
    Result<QSqlQuery> query
        = m_state->database().exec(QStringLiteral("SELECT (SELECT id FROM rollouts ORDER BY id DESC LIMIT 1),"
                                                  " (SELECT revision FROM rollouts ORDER BY id DESC LIMIT 1),"
                                                  " (SELECT COALESCE(MAX(id), 0) FROM rollout_events)"));
    if (!query) {
        Q_EMIT storeError(query.error());
        return;
    }
    QSqlQuery &q = query.value();
    if (!q.next())
        return;
    const qint64 latestId = q.value(0).isNull() ? 0 : q.value(0).toLongLong();
    const qint64 revision = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
    const qint64 eventId = q.value(2).toLongLong();

    const bool firstPoll = m_seenLatestId < 0;
    if (latestId != m_seenLatestId) {
        m_seenLatestId = latestId;
        m_seenRevision = revision;
        reloadHistory();
        reloadVerdicts();
        if (latestId > 0)
            reloadLatest(latestId);
        Q_EMIT rolloutsChanged();
        if (latestId > 0 && !m_rollouts.isEmpty())
            Q_EMIT rolloutChanged(m_rollouts.first());
    } else if (revision != m_seenRevision) {
        m_seenRevision = revision;
        reloadVerdicts();
        reloadLatest(latestId);
        if (!m_rollouts.isEmpty())
            Q_EMIT rolloutChanged(m_rollouts.first());
    }

    if (eventId != m_seenEventId) {
        const qint64 previous = m_seenEventId;
        m_seenEventId = eventId;
        if (!firstPoll) {
            Result<QSqlQuery> changed = m_state->database().exec(
                QStringLiteral("SELECT DISTINCT rollout_id FROM rollout_events WHERE id > ? ORDER BY rollout_id"),
                {previous});
            if (changed) {
                QSqlQuery &c = changed.value();
                while (c.next())
                    Q_EMIT eventsAdded(c.value(0).toLongLong());
            }
        }
    }
    checkAnswers();
    if (!drivesEngine())
        setEngineHolder();
}

void RolloutSession::reloadVerdicts()
{
    Result<QSqlQuery> query = m_state->database().exec(
        QStringLiteral("SELECT rollout_id, verdict FROM analysis_runs WHERE id IN"
                       " (SELECT MAX(id) FROM analysis_runs WHERE rollout_id > 0 GROUP BY rollout_id)"));
    if (!query)
        return; // an older schema without analysis: no verdicts
    QHash<qint64, QString> verdicts;
    QSqlQuery &q = query.value();
    while (q.next())
        verdicts.insert(q.value(0).toLongLong(), q.value(1).toString());
    m_verdicts = verdicts;
}

void RolloutSession::reloadHistory()
{
    const Result<QList<RolloutRecord>> history = m_store->history(m_options.historyLimit);
    if (!history) {
        Q_EMIT storeError(history.error());
        return;
    }
    m_rollouts = history.value();
}

void RolloutSession::reloadLatest(qint64 id)
{
    const Result<std::optional<RolloutRecord>> record = m_store->rollout(id);
    if (!record) {
        Q_EMIT storeError(record.error());
        return;
    }
    if (!record->has_value())
        return;
    if (!m_rollouts.isEmpty() && m_rollouts.first().id == id)
        m_rollouts.first() = **record;
    else
        m_rollouts.prepend(**record);
    const Result<QList<RolloutOp>> operations = m_store->ops(id);
    if (operations)
        m_latestOps = operations.value();
    rebuildSlots();
    reloadWaitingGates();
}

void RolloutSession::checkAnswers()
{
    if (m_pendingActions.isEmpty())
        return;
    const QSet<qint64> pending = m_pendingActions;
    for (const qint64 id : pending) {
        const Result<std::optional<ActionRecord>> row = m_store->action(id);
        if (!row || !row->has_value() || (*row)->status == u"pending")
            continue;
        m_pendingActions.remove(id);
        Q_EMIT actionAnswered(id, (*row)->status == u"done", (*row)->answer);
    }
}

std::optional<RolloutFacts> RolloutSession::facts() const
{
    if (m_rollouts.isEmpty())
        return std::nullopt;
    const RolloutRecord &record = m_rollouts.first();
    RolloutFacts f;
    f.state = record.state;
    f.pauseReason = record.pauseReason;
    f.goal = record.goal;
    for (const RolloutOp &op : m_latestOps) {
        if (op.noReturn && op.status != OpStatus::Pending && op.status != OpStatus::Skipped)
            f.pastPointOfNoReturn = true;
    }
    return f;
}

RolloutDecision RolloutSession::decide(RolloutAction action) const
{
    if (!m_state) {
        RolloutDecision refused;
        refused.reason = tr("The environment's state database is not open.");
        return refused;
    }
    if ((action == RolloutAction::Promote || action == RolloutAction::PromoteFull) && !m_waitingGates.isEmpty()) {
        QStringList waiting;
        for (const PendingGate &gate : m_waitingGates) {
            if (!gate.status.satisfied())
                waiting << tr("Waiting at gate %1: %2 of %3 approvals")
                               .arg(gate.config.name)
                               .arg(gate.status.counted.size())
                               .arg(gate.status.quorum);
        }
        if (!waiting.isEmpty()) {
            RolloutDecision refused;
            refused.next = m_rollouts.first().state;
            refused.reason = waiting.join(u"; ");
            return refused;
        }
    }
    return RolloutStateMachine::decide(facts(), action);
}

RolloutExpectation RolloutSession::expectation() const
{
    if (m_rollouts.isEmpty())
        return {};
    return RolloutExpectation::of(m_rollouts.first());
}

std::optional<QStringList> RolloutSession::approvalGatesWaitedAt() const
{
    if (m_rollouts.isEmpty() || m_env.approvals.isEmpty())
        return std::nullopt;
    const std::optional<GateWait> wait = gateWaitOf(m_rollouts.first(), m_latestOps);
    if (!wait || m_rollouts.first().state != RolloutState::Paused)
        return std::nullopt;
    QStringList names;
    const RolloutPolicy policy(m_env.name, m_env.approvals);
    for (const GateConfig &gate : policy.gatesAt(wait->stage, wait->stepPercent))
        names << gate.name;
    return names;
}

QString RolloutSession::positionText() const
{
    if (m_rollouts.isEmpty())
        return {};
    return rolloutPositionText(m_rollouts.first(), approvalGatesWaitedAt());
}

QString RolloutSession::movedText(const RolloutExpectation &expected) const
{
    if (m_rollouts.isEmpty() || expected.isEmpty() || expected.matches(m_rollouts.first()))
        return {};
    return rolloutMovedText(expected, m_rollouts.first(), approvalGatesWaitedAt());
}

void RolloutSession::reloadWaitingGates()
{
    m_waitingGates.clear();
    if (m_rollouts.isEmpty() || m_env.approvals.gates.isEmpty() || !approvalGatesWaitedAt())
        return;
    const QString auditPath = AuditLog::pathForStateDatabase(m_env.stateDatabase);
    if (!QFileInfo::exists(auditPath)) {
        // No decision recorded yet: the gates of the point, none approved.
        const std::optional<GateWait> wait = gateWaitOf(m_rollouts.first(), m_latestOps);
        const RolloutPolicy policy(m_env.name, m_env.approvals);
        for (const GateConfig &gate : policy.gatesAt(wait->stage, wait->stepPercent)) {
            PendingGate pending;
            pending.rollout = m_rollouts.first();
            pending.wait = *wait;
            pending.config = gate;
            pending.status.gate = gate.name;
            pending.status.quorum = gate.quorum;
            m_waitingGates << pending;
        }
        return;
    }
    Result<AuditLog> log = AuditLog::open(auditPath, m_clock);
    if (!log) {
        qCWarning(lcSession) << "cannot read the approvals:" << log.error().toString();
        return;
    }
    const Result<QList<PendingGate>> gates = pendingGates(m_env, *m_store, *log, m_clock.now());
    if (gates)
        m_waitingGates = gates.value();
    else
        qCWarning(lcSession) << "cannot evaluate the gates:" << gates.error().toString();
}

QString RolloutSession::actor()
{
    return RolloutEngine::defaultActor(); // "$GREENLIGHT_PERSON@host", else "$USER@host"
}

Result<qint64> RolloutSession::request(
    RolloutAction action, const QString &reason, const QJsonObject &params, const RolloutExpectation &expected)
{
    if (!m_store)
        return makeError(ErrorCode::Unavailable, tr("The environment's state database is not open."));
    ActionRecord record;
    record.action = toString(action);
    record.actor = actor();
    record.reason = reason.trimmed();
    record.params = params;
    if (action != RolloutAction::Start && !m_rollouts.isEmpty())
        record.rolloutId = m_rollouts.first().id;
    if (action != RolloutAction::Start && !expected.isEmpty()) {
        record.params.insert(QStringLiteral("expect"), expected.toJson());
        if (expected.rolloutId > 0)
            record.rolloutId = expected.rolloutId; // the rollout confirmed, not one that started since
    }
    const Result<qint64> id = m_store->enqueueAction(record);
    if (!id)
        return id;
    m_pendingActions.insert(*id);
    if (drivesEngine())
        m_engine->wake(); // the queue is taken at once, not at the next tick
    else if (m_engineHolder.isEmpty() && m_options.runEngine)
        tryStartEngine(); // nobody drives: this process takes over so that the action is answered
    // (an engine in another process notices the new row within milliseconds: RolloutEngine::Options::wakePollMs)
    return id;
}

void RolloutSession::refreshSlots()
{
    if (!m_haproxy || m_slotsBusy)
        return;
    m_slotsBusy = true;
    m_haproxy->showStat(this, [this](const Result<QList<ServerStat>> &stats) {
        m_slotsBusy = false;
        if (stats) {
            m_stats = stats.value();
            m_slotsError.clear();
        } else {
            m_stats.clear();
            m_slotsError = stats.error().message;
        }
        rebuildSlots();
        Q_EMIT slotsChanged();
    });
}

void RolloutSession::rebuildSlots()
{
    // Versions: the environment file as written, then what the latest rollout's deploy/undeploy hooks did.
    QHash<QString, QString> versions;
    for (const ServerSlot &slot : m_env.serverSlots)
        versions.insert(slot.name, slot.version);
    if (!m_rollouts.isEmpty()) {
        const RolloutRecord &record = m_rollouts.first();
        // Slots serving the previous version before this rollout's hooks ran.
        const QJsonObject plan = record.plan;
        for (const auto &value : plan.value(u"stableSlots").toArray())
            versions.insert(value.toString(), record.versionFrom);
        for (const RolloutOp &op : m_latestOps) {
            if (op.status != OpStatus::Done || op.slotNames.isEmpty())
                continue;
            if (op.kind == OpKind::Deploy)
                versions.insert(op.slotNames.first(), op.version);
            else if (op.kind == OpKind::Undeploy)
                versions.insert(op.slotNames.first(), QString());
        }
    }
    QList<SlotState> slotStates;
    for (const ServerSlot &slot : m_env.serverSlots) {
        SlotState state;
        state.name = slot.name;
        state.colour = slot.colour;
        state.address = slot.address;
        state.version = versions.value(slot.name);
        for (const ServerStat &stat : std::as_const(m_stats)) {
            if (!stat.isServer() || stat.proxy != m_env.backend || stat.server != slot.name)
                continue;
            state.reported = true;
            state.status = stat.status;
            state.weight = stat.weight;
            state.sessions = stat.scur;
            state.queue = stat.qcur;
            state.check = stat.checkStatus;
        }
        slotStates << state;
    }
    m_slots = slotStates;
}

} // namespace gl
