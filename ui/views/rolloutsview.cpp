#include "rolloutsview.h"

#include "banner.h"
#include "emptystate.h"
#include "rolloutactions.h"
#include "rolloutdetailview.h"
#include "rolloutlistmodel.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
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

void RolloutsView::setSession(RolloutSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    if (!m_environment.isEmpty())
        m_model->removeEnvironment(m_environment);
    m_session = session;
    m_environment = session ? session->environment().name : QString();
    m_actions->setSession(session);
    m_detail->setSession(session);
    m_banner->hide();
    if (session) {
        connect(session, &RolloutSession::rolloutsChanged, this, &RolloutsView::reloadList);
        connect(session, &RolloutSession::rolloutChanged, this, &RolloutsView::updateRollout);
        connect(session, &RolloutSession::storeError, this,
            [this](const Error &error) { m_banner->showMessage(Banner::Kind::Error, error.message); });
        reloadList();
    }
    m_stack->setCurrentIndex(session ? 1 : 0);
}

void RolloutsView::reloadList()
{
    if (!m_session)
        return;
    m_model->setRollouts(m_environment, m_session->rollouts());
    m_model->setAnalysisVerdicts(m_environment, m_session->analysisVerdicts());
}

void RolloutsView::updateRollout(const RolloutRecord &record)
{
    m_model->updateRollout(m_environment, record);
    m_model->setAnalysisVerdicts(m_environment, m_session->analysisVerdicts());
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
