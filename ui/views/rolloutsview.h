#pragma once

#include "engine/rolloutsession.h"

#include <QHash>
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

// The Rollouts place: a filter box, the table of every rollout of the open environments (sortable, one line
// each) and, below it, the selected rollout in detail with its actions. Several sessions (one per open
// environment) feed the table; the current one feeds the detail and the actions. Selecting a row of another
// environment asks for that environment to become current (environmentSelected). Without a session it shows
// the place's empty state.
class RolloutsView final : public QWidget {
    Q_OBJECT
public:
    // `emptyState` (may be null) is shown while no environment is open; the view takes it over.
    RolloutsView(Prompter &prompter, QNetworkAccessManager &network, EmptyState *emptyState = nullptr,
        QWidget *parent = nullptr);
    ~RolloutsView() override;

    // Adds an open environment's session (owned elsewhere; it may be deleted, which removes it) to the table.
    void addSession(RolloutSession *session);
    // Drops the session's rows; when it was current, no session is current afterwards.
    void removeSession(RolloutSession *session);
    // The session the detail and the actions show (one of the added ones, or null). Keeps the table's selection
    // when it is a row of `session`, else selects that environment's latest rollout.
    void setCurrentSession(RolloutSession *session);
    // Only `session` (null: none): removes every other session, adds and makes it current.
    void setSession(RolloutSession *session);
    [[nodiscard]] RolloutSession *session() const { return m_session; }
    [[nodiscard]] QList<RolloutSession *> sessions() const;

    [[nodiscard]] RolloutListModel *model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel *proxy() const { return m_proxy; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] RolloutActions *actions() const { return m_actions; }
    [[nodiscard]] RolloutDetailView *detail() const { return m_detail; }
    [[nodiscard]] Banner *banner() const { return m_banner; }

    void setFilter(const QString &text);

Q_SIGNALS:
    void openRunbook(const QString &runbookId);
    // The user selected a rollout of `session`, which is not the current session.
    void sessionSelected(gl::RolloutSession *session);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reloadList(RolloutSession *session);
    void updateRollout(RolloutSession *session, const RolloutRecord &record);
    void forgetSession(QObject *session);
    [[nodiscard]] RolloutSession *sessionOf(const QString &environment) const;
    void selectLatestOf(RolloutSession *session);
    void selectionChanged();
    void showAnswer(RolloutAction kind, bool done, const QString &answer);

    QPointer<RolloutSession> m_session; // the current one
    QList<QPointer<RolloutSession>> m_sessions;
    QHash<QObject *, QString> m_environments; // session → its environment's name (the table's key)
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
};

} // namespace gl::ui
