#pragma once

#include "approvals/gateevaluator.h"
#include "engine/rolloutstore.h"
#include "model/environment.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTreeWidget;

namespace gl {
class Clock;
class StateStore;
} // namespace gl

namespace gl::ui {

// One rollout's approval gates, for the rollout detail: each gate that applies to it (before start, canary
// steps, blue-green switch) with its state, n/N approvals and the time left while the rollout waits there.
// Reads the environment's audit log (the ledger of signed decisions) itself; call setContext() again (or
// refresh()) when the rollout changes.
class GateStatusWidget final : public QWidget {
    Q_OBJECT
public:
    enum Column { GateColumn, WhereColumn, StateColumn, ApprovalsColumn, TimeLeftColumn, ColumnCount };

    explicit GateStatusWidget(QWidget *parent = nullptr);

    // `store` must outlive the widget's use of it (the rollout detail's StateStore); null clears.
    void setContext(
        const gl::Environment &environment, gl::StateStore *store, const std::optional<gl::RolloutRecord> &rollout);
    void refresh();
    void setClock(const Clock &clock) { m_clock = &clock; }

    // Texts shared with the Approvals place.
    [[nodiscard]] static QString stateText(GateState state);
    [[nodiscard]] static QString whereText(const GateConfig &gate);
    [[nodiscard]] static QString timeLeftText(const QDateTime &deadline, const QDateTime &now);
    [[nodiscard]] static QString approvalsText(const GateStatus &status);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    const Clock *m_clock;
    std::optional<Environment> m_environment;
    StateStore *m_store = nullptr;
    std::optional<RolloutRecord> m_rollout;
    QLabel *m_title;
    QLabel *m_message;
    QTreeWidget *m_tree;
};

} // namespace gl::ui
