#pragma once

#include "engine/rolloutsession.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace gl::ui {

class Banner;
class EmptyState;
class Prompter;
class RolloutActions;
class RolloutDetailView;
class RolloutListModel;

// The Rollouts place: a filter box, the table of every rollout of the open environment(s) (sortable, one line
// each) and, below it, the selected rollout in detail with its actions. Without a session it shows the place's
// empty state.
class RolloutsView final : public QWidget {
    Q_OBJECT
public:
    // `emptyState` (may be null) is shown while no environment is open; the view takes it over.
    RolloutsView(Prompter &prompter, QNetworkAccessManager &network, EmptyState *emptyState = nullptr,
        QWidget *parent = nullptr);
    ~RolloutsView() override;

    // The environment's session (owned elsewhere); null closes the view's content.
    void setSession(RolloutSession *session);
    [[nodiscard]] RolloutSession *session() const { return m_session; }

    [[nodiscard]] RolloutListModel *model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel *proxy() const { return m_proxy; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] RolloutActions *actions() const { return m_actions; }
    [[nodiscard]] RolloutDetailView *detail() const { return m_detail; }
    [[nodiscard]] Banner *banner() const { return m_banner; }

    void setFilter(const QString &text);

Q_SIGNALS:
    void openRunbook(const QString &runbookId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reloadList();
    void updateRollout(const RolloutRecord &record);
    void selectionChanged();
    void showAnswer(RolloutAction kind, bool done, const QString &answer);

    QPointer<RolloutSession> m_session;
    Banner *m_banner;
    QStackedWidget *m_stack;
    EmptyState *m_empty;
    QLineEdit *m_filter;
    QLabel *m_count;
    QTableView *m_table;
    RolloutListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    RolloutActions *m_actions;
    RolloutDetailView *m_detail;
    QSplitter *m_splitter;
    QString m_environment;
};

} // namespace gl::ui
