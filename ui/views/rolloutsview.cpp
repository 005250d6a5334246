#include "rolloutsview.h"

#include "banner.h"
#include "emptystate.h"
#include "rolloutactions.h"
#include "rolloutdetailview.h"
#include "rolloutlistmodel.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace gl::ui {

RolloutsView::RolloutsView(Prompter &prompter, QNetworkAccessManager &network, EmptyState *emptyState, QWidget *parent)
    : QWidget(parent)
    , m_banner(new Banner(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(emptyState ? emptyState : new EmptyState(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new RolloutListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_actions(new RolloutActions(prompter, this, this))
    , m_detail(new RolloutDetailView(*m_actions, network, this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("rolloutsPage")); // the place's page in MainWindow's stack
    m_banner->setObjectName(QStringLiteral("rolloutsBanner"));
    m_banner->hide();
    m_filter->setObjectName(QStringLiteral("rolloutFilterEdit"));
    m_filter->setClearButtonEnabled(true);
    m_count->setObjectName(QStringLiteral("rolloutCountLabel"));
    m_table->setObjectName(QStringLiteral("rolloutsTable"));
    m_splitter->setObjectName(QStringLiteral("rolloutsSplitter"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RolloutListModel::RawValueRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setDynamicSortFilter(true);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RolloutListModel::StartedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row height and interactive columns: no per-row measuring, smooth with hundreds of rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    const int em = fontMetrics().horizontalAdvance(u'M');
    const int widths[RolloutListModel::ColumnCount] = {9, 5, 8, 7, 6, 6, 4, 5, 5, 7, 11, 13, 8};
    for (int c = 0; c < RolloutListModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c] * em);
    // Started: as wide as a date in the user's locale ("26. 12. 28. 오후 11:59" is longer than "28/12/2026 23:59").
    const QString longDate
        = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59, 59)), QLocale::ShortFormat);
    m_table->setColumnWidth(RolloutListModel::StartedColumn,
        qMax(widths[RolloutListModel::StartedColumn] * em, fontMetrics().horizontalAdvance(longDate) + em));

    auto *listPage = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(8, 8, 8, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_count);
    listLayout->addLayout(filterRow);
    listLayout->addWidget(m_table, 1);
    m_splitter->addWidget(listPage);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({fontMetrics().height() * 14, fontMetrics().height() * 30}); // ~8 rows of the table

    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_splitter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    // The actions' shortcuts work anywhere in the window while this place is shown.
    addActions(m_actions->actions());

    connect(m_filter, &QLineEdit::textChanged, this, &RolloutsView::setFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RolloutsView::selectionChanged);
    connect(m_actions, &RolloutActions::answered, this, &RolloutsView::showAnswer);
    connect(m_actions, &RolloutActions::failed, this,
        [this](const QString &message) { m_banner->showMessage(Banner::Kind::Error, message); });
    connect(m_actions, &RolloutActions::requested, this, [this](RolloutAction, qint64 id) {
        m_banner->showMessage(Banner::Kind::Info, tr("Action #%1 sent; waiting for the engine…").arg(id));
    });
    connect(m_detail, &RolloutDetailView::openRunbook, this, &RolloutsView::openRunbook);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] { retranslate(); });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { retranslate(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { retranslate(); });
    retranslate();
}

RolloutsView::~RolloutsView() = default;

QList<RolloutSession *> RolloutsView::sessions() const
{
    QList<RolloutSession *> list;
    for (const QPointer<RolloutSession> &session : m_sessions) {
        if (session)
            list << session.data();
    }
    return list;
}

RolloutSession *RolloutsView::sessionOf(const QString &environment) const
{
    for (RolloutSession *session : sessions()) {
        if (m_environments.value(session) == environment)
            return session;
    }
    return nullptr;
}

void RolloutsView::addSession(RolloutSession *session)
{
    if (!session || m_environments.contains(session))
        return;
    const QString name = session->environment().name;
    m_sessions << session;
    m_environments.insert(session, name);
    connect(session, &RolloutSession::rolloutsChanged, this, [this, session] { reloadList(session); });
    connect(session, &RolloutSession::rolloutChanged, this,
        [this, session](const RolloutRecord &record) { updateRollout(session, record); });
    connect(session, &RolloutSession::storeError, this, [this, name](const Error &error) {
        m_banner->showMessage(
            Banner::Kind::Error, m_sessions.size() > 1 ? tr("%1: %2").arg(name, error.message) : error.message);
    });
    connect(session, &QObject::destroyed, this, &RolloutsView::forgetSession);
    reloadList(session);
    m_stack->setCurrentIndex(1);
}

void RolloutsView::removeSession(RolloutSession *session)
{
    if (!session)
        return;
    disconnect(session, nullptr, this, nullptr);
    forgetSession(session);
}

void RolloutsView::forgetSession(QObject *session)
{
    if (!m_environments.contains(session))
        return;
    const QString name = m_environments.take(session);
    m_sessions.removeIf([session](const QPointer<RolloutSession> &p) { return p.isNull() || p.data() == session; });
    if (m_session.isNull() || m_session.data() == session) {
        m_session = nullptr;
        m_actions->setSession(nullptr);
        m_detail->setSession(nullptr);
        m_banner->hide();
    }
    m_model->removeEnvironment(name);
    if (m_sessions.isEmpty())
        m_stack->setCurrentIndex(0);
}

void RolloutsView::setCurrentSession(RolloutSession *session)
{
    if (session && !m_environments.contains(session))
        addSession(session);
    if (m_session.data() == session)
        return;
    m_session = session;
    m_actions->setSession(session);
    m_detail->setSession(session);
    m_banner->hide();
    const QModelIndex current = m_table->currentIndex();
    if (session && current.isValid()
        && current.data(RolloutListModel::EnvironmentRole).toString() == m_environments.value(session))
        selectionChanged(); // the selected row is one of this environment's: the detail shows it
    else
        selectLatestOf(session);
}

void RolloutsView::setSession(RolloutSession *session)
{
    for (RolloutSession *other : sessions()) {
        if (other != session)
            removeSession(other);
    }
    addSession(session);
    setCurrentSession(session);
    m_stack->setCurrentIndex(session ? 1 : 0);
}

void RolloutsView::selectLatestOf(RolloutSession *session)
{
    const std::optional<RolloutRecord> latest = session ? session->latest() : std::nullopt;
    const int row = latest ? m_model->rowOf(m_environments.value(session), latest->id) : -1;
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->selectionModel()->clear();
        m_detail->showRollout(0);
        return;
    }
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    selectionChanged();
}

void RolloutsView::reloadList(RolloutSession *session)
{
    const QString name = m_environments.value(session);
    m_model->setRollouts(name, session->rollouts());
    m_model->setAnalysisVerdicts(name, session->analysisVerdicts());
}

void RolloutsView::updateRollout(RolloutSession *session, const RolloutRecord &record)
{
    const QString name = m_environments.value(session);
    m_model->updateRollout(name, record);
    m_model->setAnalysisVerdicts(name, session->analysisVerdicts());
}

void RolloutsView::setFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text.trimmed());
    retranslate();
}

void RolloutsView::selectionChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->showRollout(0);
        return;
    }
    RolloutSession *owner = sessionOf(current.data(RolloutListModel::EnvironmentRole).toString());
    if (owner && owner != m_session) {
        // A rollout of another open environment: it becomes the current one (the console's picker follows).
        Q_EMIT sessionSelected(owner);
        if (m_session != owner)
            setCurrentSession(owner);
        return;
    }
    const qint64 id = current.data(RolloutListModel::RolloutIdRole).toLongLong();
    const bool latest = m_session && m_session->latest() && m_session->latest()->id == id;
    m_detail->showRollout(latest ? 0 : id);
}

void RolloutsView::showAnswer(RolloutAction kind, bool done, const QString &answer)
{
    Q_UNUSED(kind)
    if (done)
        m_banner->showMessage(Banner::Kind::Info, answer);
    else
        m_banner->showMessage(Banner::Kind::Error, tr("The engine refused: %1").arg(answer));
}

void RolloutsView::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter rollouts (version, state, who…)"));
    m_filter->setAccessibleName(tr("Filter rollouts"));
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n rollout(s)", nullptr, total) : tr("%1 of %2").arg(shown).arg(total));
    m_actions->retranslate();
}

void RolloutsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace gl::ui
