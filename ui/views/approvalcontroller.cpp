#include "approvalcontroller.h"

#include "credentials/fallbackcredentialstore.h"
#include "engine/rolloutstore.h"
#include "identity/identitystore.h"
#include "util/clock.h"

namespace gl::ui {

ApprovalController::ApprovalController(FallbackCredentialStore &credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_clock(&SystemClock::instance())
    , m_person(currentPerson())
{ }

ApprovalController::~ApprovalController() = default;

void ApprovalController::setEnvironment(const std::optional<Environment> &environment)
{
    m_log.reset();
    m_state.reset();
    m_environment = environment;
}

void ApprovalController::updateEnvironment(const Environment &environment)
{
    if (!m_environment || m_environment->stateDatabase != environment.stateDatabase) {
        setEnvironment(environment);
        return;
    }
    m_environment = environment;
}

void ApprovalController::setPerson(const QString &person)
{
    m_person = person;
    m_personKey = {};
    m_personKeyOf.clear();
}

Status ApprovalController::open()
{
    if (!m_environment)
        return makeError(ErrorCode::NotFound, tr("No environment is open."));
    if (m_state && m_log)
        return {};
    Result<StateStore> state = StateStore::open(m_environment->stateDatabase);
    if (!state)
        return makeError(state.error().code, tr("Cannot open the state database: %1").arg(state.error().message));
    Result<AuditLog> log = AuditLog::open(AuditLog::pathForStateDatabase(m_environment->stateDatabase), *m_clock);
    if (!log)
        return makeError(log.error().code, tr("Cannot open the audit log: %1").arg(log.error().message));
    m_state.emplace(std::move(state).value());
    m_log.emplace(std::move(log).value());
    loadInstallationKey();
    return {};
}

// Checkpoints of what this console records are signed with the installation's audit key (as greenlightctl).
void ApprovalController::loadInstallationKey()
{
    auto *identities = new IdentityStore(&m_credentials, this);
    IdentityJob *job = identities->load(IdentityStore::auditKeyName(), true);
    const QString path = m_log->path();
    connect(job, &IdentityJob::finished, this, [this, identities, path](const Result<SigningKey> &key) {
        identities->deleteLater();
        if (key && m_log && m_log->path() == path)
            m_log->setSigner(*key);
    });
    job->start();
}

Result<QList<PendingGate>> ApprovalController::pendingGates()
{
    if (const Status opened = open(); !opened)
        return opened.error();
    RolloutStore rollouts(*m_state, *m_clock);
    return gl::pendingGates(*m_environment, rollouts, *m_log, m_clock->now());
}

DecisionRecorder ApprovalController::recorder()
{
    Q_ASSERT(m_environment && m_log);
    return DecisionRecorder(*m_environment, *m_log, *m_clock);
}

void ApprovalController::withPersonKey(const KeyHandler &then)
{
    if (!m_personKey.isNull() && m_personKeyOf == m_person) {
        then(m_personKey, false);
        return;
    }
    auto *identities = new IdentityStore(&m_credentials, this);
    IdentityJob *job = identities->load(IdentityStore::personKeyName(m_person), true);
    const QString person = m_person;
    connect(job, &IdentityJob::finished, this, [this, identities, job, person, then](const Result<SigningKey> &key) {
        identities->deleteLater();
        if (key && person == m_person) {
            m_personKey = *key;
            m_personKeyOf = person;
        }
        then(key, job->created());
    });
    job->start();
}

} // namespace gl::ui
