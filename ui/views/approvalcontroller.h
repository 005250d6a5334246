#pragma once

#include "approvals/decisionrecorder.h"
#include "audit/auditlog.h"
#include "engine/pendinggates.h"
#include "identity/signingkey.h"
#include "model/environment.h"
#include "storage/statestore.h"
#include "util/result.h"

#include <QObject>

#include <functional>
#include <optional>

namespace gl {
class Clock;
class FallbackCredentialStore;
} // namespace gl

namespace gl::ui {

// What the Approvals place needs from core, without widgets: the environment's state database and audit log
// (opened once, on first use), the gates waiting now, the person's signing key from the keychain (created on
// first use, like greenlightctl; cached) and the installation's audit key (it signs the checkpoints of what this
// console records), and a DecisionRecorder over the open log for signing and recording.
class ApprovalController final : public QObject {
    Q_OBJECT
public:
    explicit ApprovalController(gl::FallbackCredentialStore &credentials, QObject *parent = nullptr);
    ~ApprovalController() override;

    void setClock(const Clock &clock) { m_clock = &clock; }
    [[nodiscard]] const Clock &clock() const { return *m_clock; }
    // Closes what was open for the previous environment.
    void setEnvironment(const std::optional<gl::Environment> &environment);
    // A newer reading of the same environment (same state database): kept open; gates and approvers follow.
    void updateEnvironment(const gl::Environment &environment);
    [[nodiscard]] const std::optional<gl::Environment> &environment() const { return m_environment; }
    void setPerson(const QString &person);
    [[nodiscard]] QString person() const { return m_person; }

    // Opens the databases (once); the error says which could not be opened and why.
    [[nodiscard]] Status open();
    // The gates the environment's rollout waits at now (open() first).
    [[nodiscard]] Result<QList<PendingGate>> pendingGates();
    // A recorder over the open log (open() first; valid while this controller and its environment are).
    [[nodiscard]] DecisionRecorder recorder();

    // Loads the person's key (creating it when there is none: `created`), then calls `then`, possibly at once.
    using KeyHandler = std::function<void(const Result<SigningKey> &key, bool created)>;
    void withPersonKey(const KeyHandler &then);

private:
    void loadInstallationKey();

    FallbackCredentialStore &m_credentials;
    const Clock *m_clock;
    QString m_person;
    std::optional<Environment> m_environment;
    std::optional<StateStore> m_state;
    std::optional<AuditLog> m_log;
    SigningKey m_personKey;
    QString m_personKeyOf;
};

} // namespace gl::ui
