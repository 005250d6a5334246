#pragma once

#include "analysis/measurementstore.h"
#include "engine/rolloutstore.h"
#include "model/environment.h"

#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace gl {
class StateStore;
} // namespace gl

namespace gl::ui {

class AnalysisRuleModel;
class Banner;
class EmptyState;
class VerdictHistoryModel;

// Why a rollout passed or was rolled back, at a glance: the current verdict in one sentence ("Rolled back:
// error ratio 12.3 % > 1 % 3 times in a row"), each rule with its last value against its threshold and its
// outcome, and the verdict history of the rollout's latest analysis run, read from the environment's state
// database (MeasurementStore). Re-read when setRollout() brings another rollout or a new revision, and every
// two seconds while the run is still going.
class AnalysisPanel final : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisPanel(QWidget *parent = nullptr);
    ~AnalysisPanel() override;

    // The state database to read (not owned; null: nothing to show) and its environment.
    void setSource(gl::StateStore *store, const gl::Environment &environment);
    void setRollout(const std::optional<gl::RolloutRecord> &rollout);
    // Reads the rollout's latest analysis run again.
    void reload();

    // The sentence shown above the tables (for tests).
    [[nodiscard]] QString summary() const;

    // The sentence for a run and its measurements: what the verdict is and, for a failed run, which rule
    // failed by how much and how often. `rollout` (optional) says whether it was rolled back.
    [[nodiscard]] static QString summarize(const AnalysisRunRecord &run, const QList<Measurement> &measurements,
        const std::optional<RolloutRecord> &rollout);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showEmpty(const QString &title, const QString &description);

    StateStore *m_store = nullptr;
    std::optional<MeasurementStore> m_measurements;
    std::optional<RolloutRecord> m_rollout;
    qint64 m_shownRollout = -1;
    qint64 m_shownRevision = -1;

    Banner *m_banner;
    QStackedWidget *m_stack;
    EmptyState *m_empty;
    QWidget *m_page;
    QLabel *m_summary;
    QLabel *m_rulesLabel;
    QLabel *m_historyLabel;
    QTableView *m_rulesView;
    QTableView *m_historyView;
    AnalysisRuleModel *m_rules;
    VerdictHistoryModel *m_history;
    QTimer *m_refresh;
};

} // namespace gl::ui
