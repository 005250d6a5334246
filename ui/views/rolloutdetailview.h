#pragma once

#include "engine/rolloutsession.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QNetworkAccessManager;
class QTabWidget;
class QTableView;
class QToolButton;

namespace gl::ui {

class RollbackRunbookLink;
class RolloutActions;
class RolloutEventsModel;
class SliChartsView;
class AnalysisPanel;
class GateStatusWidget;
class SlotsModel;
class StepTimeline;
class TrafficSplitBar;

// One rollout in detail: state, versions and share in the header; the step timeline; the traffic split bar;
// the action buttons (always the latest rollout's: Rollback stays one click away while a rollout runs); tabs
// with the slots as HAProxy reports them, the event history (who, when, why), SLI charts and the analysis.
class RolloutDetailView final : public QWidget {
    Q_OBJECT
public:
    RolloutDetailView(RolloutActions &actions, QNetworkAccessManager &network, QWidget *parent = nullptr);

    void setSession(RolloutSession *session);
    // Shows rollout `id` of the session (0: follow the latest).
    void showRollout(qint64 id);
    [[nodiscard]] qint64 shownRollout() const { return m_shownId; }

    [[nodiscard]] StepTimeline *timeline() const { return m_timeline; }
    [[nodiscard]] TrafficSplitBar *splitBar() const { return m_splitBar; }
    [[nodiscard]] SlotsModel *slotsModel() const { return m_slotsModel; }
    [[nodiscard]] RolloutEventsModel *eventsModel() const { return m_eventsModel; }

Q_SIGNALS:
    void openRunbook(const QString &runbookId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    void refreshEvents();
    void refreshSlots();
    void refreshEngine();
    // The session's environment (as opened, then each valid edit of its file) to the charts and runbook link.
    void applyEnvironment();
    [[nodiscard]] std::optional<RolloutRecord> shown() const;

    RolloutActions &m_actions;
    QPointer<RolloutSession> m_session;
    qint64 m_followId = 0; // 0: the latest
    qint64 m_shownId = 0;
    qint64 m_shownRevision = -1;

    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_message;
    QLabel *m_engine;
    QList<QToolButton *> m_buttons;
    StepTimeline *m_timeline;
    TrafficSplitBar *m_splitBar;
    QTabWidget *m_tabs;
    QTableView *m_slotsTable;
    SlotsModel *m_slotsModel;
    QTableView *m_eventsTable;
    RolloutEventsModel *m_eventsModel;
    QLabel *m_slotsError;
    SliChartsView *m_charts = nullptr;
    AnalysisPanel *m_analysis = nullptr;
    RollbackRunbookLink *m_runbookLink = nullptr;
    GateStatusWidget *m_gates = nullptr;
};

} // namespace gl::ui
