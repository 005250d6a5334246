#include "rolloutdetailview.h"

#include "gatestatuswidget.h"
#include "rolloutactions.h"
#include "rollouteventsmodel.h"
#include "rolloutlistmodel.h"
#include "slotsmodel.h"
#include "steptimeline.h"
#include "trafficsplitbar.h"

#if __has_include("slichartsview.h")
#include "slichartsview.h"
#define GL_HAVE_SLI_CHARTS 1
#endif
#if __has_include("analysispanel.h")
#include "analysispanel.h"
#define GL_HAVE_ANALYSIS_PANEL 1
#endif
#if __has_include("rollbackrunbooklink.h")
#include "rollbackrunbooklink.h"
#define GL_HAVE_RUNBOOK_LINK 1
#endif

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace gl::ui {

namespace {

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setHighlightSections(false);
    table->setWordWrap(false);
    return table;
}

} // namespace

RolloutDetailView::RolloutDetailView(RolloutActions &actions, QNetworkAccessManager &network, QWidget *parent)
    : QWidget(parent)
    , m_actions(actions)
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_message(new QLabel(this))
    , m_engine(new QLabel(this))
    , m_timeline(new StepTimeline(this))
    , m_splitBar(new TrafficSplitBar(this))
    , m_tabs(new QTabWidget(this))
    , m_slotsTable(makeTable(this, QStringLiteral("slotsTable")))
    , m_slotsModel(new SlotsModel(this))
    , m_eventsTable(makeTable(this, QStringLiteral("eventsTable")))
    , m_eventsModel(new RolloutEventsModel(this))
    , m_slotsError(new QLabel(this))
{
    setObjectName(QStringLiteral("rolloutDetailView"));
    m_title->setObjectName(QStringLiteral("rolloutTitleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setObjectName(QStringLiteral("rolloutStateLabel"));
    m_state->setTextFormat(Qt::RichText);
    m_message->setObjectName(QStringLiteral("rolloutMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_engine->setObjectName(QStringLiteral("engineLabel"));
    m_engine->setForegroundRole(QPalette::PlaceholderText);
    m_timeline->setObjectName(QStringLiteral("stepTimeline"));
    m_splitBar->setObjectName(QStringLiteral("trafficSplitBar"));
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_slotsError->setObjectName(QStringLiteral("slotsErrorLabel"));
    m_slotsError->setWordWrap(true);
    m_slotsError->hide();

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_state);
    titleRow->addStretch(1);
    titleRow->addWidget(m_engine);
    titles->addLayout(titleRow);
    titles->addWidget(m_message);
    header->addLayout(titles, 1);

    // Action buttons: the latest rollout's actions (Rollback last and always visible).
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    const QList<QAction *> list = actions.actions();
    for (QAction *action : list) {
        auto *button = new QToolButton(this);
        QString name = action->objectName();
        name.replace(QStringLiteral("Action"), QStringLiteral("Button"));
        button->setObjectName(name);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        buttons->addWidget(button);
        m_buttons << button;
    }
    buttons->addStretch(1);
#ifdef GL_HAVE_RUNBOOK_LINK
    // On its own line under the header: in the buttons' row its text wrapped into a tall, narrow column.
    m_runbookLink = new RollbackRunbookLink(this);
    m_runbookLink->setObjectName(QStringLiteral("rollbackRunbookLink"));
    connect(m_runbookLink, &RollbackRunbookLink::openRunbook, this, &RolloutDetailView::openRunbook);
    titles->addWidget(m_runbookLink);
#endif

    // Each tab is a page with an objectName (slotsTab, eventsTab, chartsTab, analysisTab): tests and the
    // console's --tab option pick them by name.
    const auto addPage = [this](const QString &name, QWidget *content) {
        auto *page = new QWidget(this);
        page->setObjectName(name);
        auto *pageLayout = new QVBoxLayout(page);
        pageLayout->setContentsMargins(0, 0, 0, 0);
        pageLayout->setSpacing(0);
        pageLayout->addWidget(content);
        m_tabs->addTab(page, QString());
        return pageLayout;
    };
    // Charts and analysis scroll when the tab is shorter than they need, instead of making the window taller
    // (their minimum height had pushed the window past the screen and squeezed the rollouts table).
    const auto scrolled = [this](QWidget *content) {
        auto *area = new QScrollArea(this);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidgetResizable(true);
        area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        area->setWidget(content);
        return area;
    };
    m_slotsTable->setModel(m_slotsModel);
    m_slotsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_slotsTable->horizontalHeader()->setStretchLastSection(true);
    addPage(QStringLiteral("slotsTab"), m_slotsError)->addWidget(m_slotsTable, 1);
    m_eventsTable->setModel(m_eventsModel);
    m_eventsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_eventsTable->horizontalHeader()->setSectionResizeMode(RolloutEventsModel::DetailColumn, QHeaderView::Stretch);
    addPage(QStringLiteral("eventsTab"), m_eventsTable);
#ifdef GL_HAVE_SLI_CHARTS
    m_charts = new SliChartsView(network, this);
    m_charts->setObjectName(QStringLiteral("sliChartsView"));
    addPage(QStringLiteral("chartsTab"), scrolled(m_charts));
#else
    Q_UNUSED(network)
    addPage(QStringLiteral("chartsTab"), new QLabel(tr("SLI charts are not available in this build."), this));
#endif
#ifdef GL_HAVE_ANALYSIS_PANEL
    m_analysis = new AnalysisPanel(this);
    m_analysis->setObjectName(QStringLiteral("analysisPanel"));
    addPage(QStringLiteral("analysisTab"), scrolled(m_analysis));
#else
    addPage(QStringLiteral("analysisTab"), new QLabel(tr("The analysis panel is not available in this build."), this));
#endif

    // The approval gates that apply to this rollout: state, n/N, time left (the Approvals place decides them).
    m_gates = new GateStatusWidget(this);
    m_gates->setObjectName(QStringLiteral("gateStatusWidget"));
    addPage(QStringLiteral("gatesTab"), scrolled(m_gates));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(header);
    layout->addLayout(buttons);
    layout->addWidget(m_timeline);
    layout->addWidget(m_splitBar);
    layout->addWidget(m_tabs, 1);
    retranslate();
    refresh();
}

void RolloutDetailView::setSession(RolloutSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_followId = 0;
    m_shownId = 0;
    m_shownRevision = -1;
    if (session) {
        connect(session, &RolloutSession::rolloutChanged, this, &RolloutDetailView::refresh);
        connect(session, &RolloutSession::rolloutsChanged, this, &RolloutDetailView::refresh);
        connect(session, &RolloutSession::slotsChanged, this, &RolloutDetailView::refreshSlots);
        connect(session, &RolloutSession::engineChanged, this, &RolloutDetailView::refreshEngine);
        connect(session, &RolloutSession::eventsAdded, this, [this](qint64 id) {
            if (id == m_shownId)
                refreshEvents();
        });
        // The environment file changed (EnvironmentWatcher): charts, analysis and runbook follow what is in force.
        connect(session, &RolloutSession::environmentChanged, this, &RolloutDetailView::applyEnvironment);
        applyEnvironment();
#ifdef GL_HAVE_ANALYSIS_PANEL
        m_analysis->setSource(session->stateStore(), session->environment()); // each run stores its configuration
#endif
    }
    refresh();
    refreshSlots();
    refreshEngine();
}

void RolloutDetailView::applyEnvironment()
{
    if (!m_session)
        return;
#ifdef GL_HAVE_SLI_CHARTS
    m_charts->setEnvironment(m_session->environment());
#endif
#ifdef GL_HAVE_RUNBOOK_LINK
    m_runbookLink->setEnvironment(m_session->environment());
#endif
}

void RolloutDetailView::showRollout(qint64 id)
{
    if (m_followId == id)
        return;
    m_followId = id;
    m_shownRevision = -1;
    refresh();
}

std::optional<RolloutRecord> RolloutDetailView::shown() const
{
    if (!m_session)
        return std::nullopt;
    if (m_followId > 0) {
        if (auto record = m_session->rollout(m_followId))
            return record;
    }
    return m_session->latest();
}

void RolloutDetailView::retranslate()
{
    m_tabs->setTabText(0, tr("Slots"));
    m_tabs->setTabText(1, tr("Events"));
    m_tabs->setTabText(2, tr("Charts"));
    m_tabs->setTabText(3, tr("Analysis"));
    m_tabs->setTabText(4, tr("Gates"));
    m_shownRevision = -1;
    refresh();
    refreshEngine();
}

void RolloutDetailView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RolloutDetailView::refresh()
{
    const std::optional<RolloutRecord> record = shown();
    if (!record) {
        m_shownId = 0;
        m_title->setText(
            m_session ? tr("No rollout in %1 yet").arg(m_session->environment().name) : tr("No environment open"));
        m_state->clear();
        m_message->setText(m_session
                ? tr("Start one with %1.")
                      .arg(m_actions.action(RolloutAction::Start)->shortcut().toString(QKeySequence::NativeText))
                : QString());
        m_timeline->clear();
        m_splitBar->clear();
        m_eventsModel->setEvents(0, {});
        return;
    }
    const bool otherRollout = record->id != m_shownId;
    if (!otherRollout && record->revision == m_shownRevision)
        return;
    m_shownId = record->id;
    m_shownRevision = record->revision;
    m_title->setText(
        tr("#%1  %2 → %3")
            .arg(record->id)
            .arg(record->versionFrom.isEmpty() ? QStringLiteral("?") : record->versionFrom, record->versionTo));
    QString stateColour;
    switch (record->state) {
    case RolloutState::Completed:
        stateColour = QStringLiteral("#2e7d32");
        break;
    case RolloutState::Held:
    case RolloutState::Aborting:
    case RolloutState::RollingBack:
    case RolloutState::Aborted:
    case RolloutState::RolledBack:
        stateColour = QStringLiteral("#c62828");
        break;
    case RolloutState::Paused:
        stateColour = QStringLiteral("#ef6c00");
        break;
    default:
        break;
    }
    QString stateText = RolloutListModel::stateText(record->state);
    if (const QString gate = RolloutListModel::gateText(*record); !gate.isEmpty())
        stateText = tr("%1: %2").arg(stateText, gate);
    const QString facts
        = tr("%1 · step %2/%3 · desired %4 · actual %5")
              .arg(record->strategy)
              .arg(qMax(0, record->stepIndex + 1))
              .arg(record->stepCount)
              .arg(RolloutListModel::shareText(record->desiredShare), RolloutListModel::shareText(record->actualShare));
    m_state->setText(stateColour.isEmpty() ? QStringLiteral("<b>%1</b> · %2").arg(stateText.toHtmlEscaped(), facts)
                                           : QStringLiteral("<b style=\"color:%1\">%2</b> · %3")
                                                 .arg(stateColour, stateText.toHtmlEscaped(), facts.toHtmlEscaped()));
    m_message->setText(record->message);
    m_message->setVisible(!record->message.isEmpty());

    const bool isLatest = m_session->latest() && m_session->latest()->id == record->id;
    QList<RolloutOp> ops = isLatest ? m_session->latestOps() : m_session->ops(record->id).valueOr({});
    m_timeline->setSteps(RolloutSession::stepsOf(*record, ops), record->actualShare);
    m_splitBar->setSplit(record->versionFrom, record->versionTo, record->actualShare, record->desiredShare);
    refreshEvents();
#ifdef GL_HAVE_SLI_CHARTS
    m_charts->setRollout(record);
#endif
#ifdef GL_HAVE_ANALYSIS_PANEL
    m_analysis->setRollout(record);
#endif
#ifdef GL_HAVE_RUNBOOK_LINK
    m_runbookLink->setRollout(record);
#endif
    m_gates->setContext(m_session->environment(), m_session->stateStore(), record);
}

void RolloutDetailView::refreshEvents()
{
    if (!m_session || m_shownId <= 0)
        return;
    const Result<QList<EventRecord>> events = m_session->events(m_shownId);
    if (!events)
        return;
    QScrollBar *bar = m_eventsTable->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    m_eventsModel->setEvents(m_shownId, events.value());
    if (atBottom)
        m_eventsTable->scrollToBottom();
}

void RolloutDetailView::refreshSlots()
{
    if (!m_session) {
        m_slotsModel->setSlotStates({});
        return;
    }
    m_slotsModel->setSlotStates(m_session->slotStates());
    const QString error = m_session->slotsError();
    m_slotsError->setText(error.isEmpty() ? QString() : tr("HAProxy could not be read: %1").arg(error));
    m_slotsError->setVisible(!error.isEmpty());
}

void RolloutDetailView::refreshEngine()
{
    if (!m_session) {
        m_engine->clear();
        return;
    }
    if (m_session->drivesEngine())
        m_engine->setText(tr("This console drives %1").arg(m_session->environment().name));
    else if (!m_session->engineHolder().isEmpty())
        m_engine->setText(tr("Engine: %1 (observing)").arg(m_session->engineHolder()));
    else
        m_engine->setText(tr("No engine drives %1").arg(m_session->environment().name));
}

} // namespace gl::ui
