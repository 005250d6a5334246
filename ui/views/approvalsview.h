#pragma once

#include "approvals/decisionrecorder.h"
#include "engine/pendinggates.h"
#include "identity/signingkey.h"
#include "model/environment.h"

#include <QWidget>

#include <functional>
#include <optional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTimer;
class QTreeWidget;

namespace gl {
class Clock;
class FallbackCredentialStore;
} // namespace gl

namespace gl::ui {

class ApprovalController;
class Banner;
class EmptyState;
class Prompter;

// The Approvals place: the gates the open environment's rollouts wait at (before start, before a canary step,
// before the blue-green switch), each with what changes, the latest analysis verdict, the decisions so far
// (who, group, when, counted or why not), n/N and the time left. Approve and Reject sign a decision with the
// user's Ed25519 key from the keychain (created on first use, like greenlightctl) and record it in the audit
// log's ledger; a decision core would not count (the rollout's starter, someone outside the gate's groups) is
// refused inline before anything is recorded. "Import token…" records a glt1 token from another desk after
// verifying it; "Block release…" signs a block with a reason. Polls every 1.5 s while visible.
class ApprovalsView final : public QWidget {
    Q_OBJECT
public:
    ApprovalsView(gl::FallbackCredentialStore &credentials, Prompter &prompter, QWidget *parent = nullptr);
    ~ApprovalsView() override;

    void setEnvironment(const std::optional<gl::Environment> &environment);
    // A newer reading of the same environment's file (EnvironmentWatcher): its gates and approvers are in force
    // at once; the selection and the open databases stay.
    void updateEnvironment(const gl::Environment &environment);
    void refresh();

    // Who signs: $GREENLIGHT_PERSON or the login name unless set.
    void setPerson(const QString &person);
    [[nodiscard]] QString person() const;
    void setClock(const Clock &clock);
    void setPollIntervalMs(int ms);

    [[nodiscard]] const QList<PendingGate> &pendingGates() const { return m_pending; }
    // Selects the gate (rollout id, gate name) in the list; false when it is not pending.
    bool selectGate(qint64 rolloutId, const QString &gate);

    // The actions behind the buttons (asynchronous: the key comes from the keychain). decisionFinished() follows.
    void approveSelected();
    void rejectSelected();
    void importToken();
    void blockRelease();

signals:
    // After each approve/reject/import/block: whether something was recorded, and the message shown.
    void decisionFinished(bool recorded, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Key {
        qint64 rollout = 0;
        QString gate;
        friend bool operator==(const Key &, const Key &) = default;
    };

    void retranslate();
    // Opens the databases through the controller; shows why not in the banner.
    bool ensureOpen();
    void updateList();
    void updateDetail();
    void rebuildInputs();
    [[nodiscard]] const PendingGate *selected() const;
    void decide(Decision decision);
    // Loads (creating on first use) the user's signing key, then calls `then` with it.
    void withPersonKey(const std::function<void(const SigningKey &)> &then);
    // Signs and checks (DecisionRecorder), asks, records; shows the outcome inline.
    void signAndRecord(DecisionRequest request, const SigningKey &key, const GateContext &context,
        const QString &confirmTitle, const QString &confirmText, const QString &confirmLabel, bool destructive);
    void finish(bool recorded, Banner *where, const QString &message);

    ApprovalController *m_controller;
    Prompter &m_prompter;
    QList<PendingGate> m_pending;
    std::optional<Key> m_selected;
    std::optional<Key> m_inputsFor;
    bool m_busy = false;

    Banner *m_banner;
    QLabel *m_who;
    QLabel *m_configured; // the gates in force, one line each
    QPushButton *m_import;
    QPushButton *m_block;
    EmptyState *m_empty;
    QSplitter *m_splitter;
    QTreeWidget *m_list;
    QWidget *m_detail;
    QLabel *m_title;
    QLabel *m_changes;
    QLabel *m_analysis;
    QLabel *m_quorum;
    QLabel *m_timeLeft;
    QLabel *m_reason;
    QLabel *m_votesLabel;
    QTreeWidget *m_votes;
    Banner *m_gateBanner;
    QWidget *m_inputsBox;
    QFormLayout *m_inputsForm;
    QList<QLineEdit *> m_inputEdits;
    QLineEdit *m_comment;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QTimer *m_poll;
};

} // namespace gl::ui
