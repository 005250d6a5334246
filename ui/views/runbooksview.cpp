#include "runbooksview.h"

#include "banner.h"
#include "emptystate.h"
#include "identity/identity.h"
#include "models/runbooklistmodel.h"
#include "prompter.h"
#include "rollbackrunbooklink.h"
#include "runbooks/drill.h"
#include "runbooks/runbookparser.h"
#include "runbooks/runbooksession.h"
#include "runbooks/runbooksyncjob.h"
#include "views/runbookstepview.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace gl::ui {

RunbooksView::RunbooksView(QString profilePath, Prompter &prompter, EmptyState *emptyState, QWidget *parent)
    : QWidget(parent)
    , m_profilePath(std::move(profilePath))
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("runbooksPage"));
    m_banner = new Banner(this);
    m_banner->setObjectName(QStringLiteral("runbooksBanner"));
    m_banner->hide();
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("runbooksStack"));

    m_libraryPage = new QWidget(m_stack);
    m_search = new QLineEdit(m_libraryPage);
    m_search->setObjectName(QStringLiteral("runbookSearch"));
    m_search->setClearButtonEnabled(true);
    m_sync = new QPushButton(m_libraryPage);
    m_sync->setObjectName(QStringLiteral("syncRunbooksButton"));
    m_sources = new QPushButton(m_libraryPage);
    m_sources->setObjectName(QStringLiteral("runbookSourcesButton"));
    m_syncProgress = new QProgressBar(m_libraryPage);
    m_syncProgress->setObjectName(QStringLiteral("runbookSyncProgress"));
    m_syncProgress->setTextVisible(true);
    m_syncProgress->hide();
    m_model = new RunbookListModel(this);
    m_list = new QTableView(m_libraryPage);
    m_list->setObjectName(QStringLiteral("runbookList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(RunbookListModel::TitleColumn, QHeaderView::Stretch);
    m_list->horizontalHeader()->setSectionResizeMode(RunbookListModel::ServiceColumn, QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(RunbookListModel::LanguageColumn, QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(RunbookListModel::RtoColumn, QHeaderView::ResizeToContents);
    m_list->setColumnHidden(RunbookListModel::StepsColumn, true);
    m_list->setWordWrap(false);
    m_empty = emptyState ? emptyState : new EmptyState(this);
    m_empty->setParent(m_libraryPage);
    m_empty->setObjectName(QStringLiteral("runbooksEmptyState"));
    m_listStack = new QStackedWidget(m_libraryPage);
    m_listStack->addWidget(m_list);
    m_listStack->addWidget(m_empty);

    auto *left = new QWidget(m_libraryPage);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_sync);
    searchRow->addWidget(m_sources);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(searchRow);
    leftLayout->addWidget(m_syncProgress);
    leftLayout->addWidget(m_listStack, 1);

    auto *right = new QWidget(m_libraryPage);
    m_snippet = new QLabel(right);
    m_snippet->setObjectName(QStringLiteral("runbookSnippet"));
    m_snippet->setWordWrap(true);
    m_snippet->setTextFormat(Qt::RichText);
    m_text = new QTextBrowser(right);
    m_text->setObjectName(QStringLiteral("runbookText"));
    m_stepThrough = new QPushButton(right);
    m_stepThrough->setObjectName(QStringLiteral("startStepThroughButton"));
    m_drill = new QPushButton(right);
    m_drill->setObjectName(QStringLiteral("startDrillButton"));
    m_drill->setCheckable(true);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_stepThrough);
    actions->addWidget(m_drill);
    actions->addStretch(1);

    m_drillForm = new QWidget(right);
    m_drillForm->setObjectName(QStringLiteral("drillSetupForm"));
    m_scenario = new QLineEdit(m_drillForm);
    m_scenario->setObjectName(QStringLiteral("drillScenarioEdit"));
    m_participants = new QLineEdit(m_drillForm);
    m_participants->setObjectName(QStringLiteral("drillParticipantsEdit"));
    m_rto = new QLineEdit(m_drillForm);
    m_rto->setObjectName(QStringLiteral("drillRtoEdit"));
    m_rpo = new QLineEdit(m_drillForm);
    m_rpo->setObjectName(QStringLiteral("drillRpoEdit"));
    m_startDrill = new QPushButton(m_drillForm);
    m_startDrill->setObjectName(QStringLiteral("confirmStartDrillButton"));
    auto *form = new QFormLayout(m_drillForm);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(QString(), m_scenario);
    form->addRow(QString(), m_participants);
    auto *targets = new QHBoxLayout;
    targets->addWidget(m_rto);
    targets->addWidget(m_rpo);
    form->addRow(QString(), targets);
    form->addRow(QString(), m_startDrill);
    m_drillForm->hide();

    m_historyLabel = new QLabel(right);
    m_history = new QListWidget(right);
    m_history->setObjectName(QStringLiteral("drillHistoryList"));
    m_history->setMaximumHeight(110);

    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_snippet);
    rightLayout->addWidget(m_text, 1);
    rightLayout->addLayout(actions);
    rightLayout->addWidget(m_drillForm);
    rightLayout->addWidget(m_historyLabel);
    rightLayout->addWidget(m_history);

    auto *splitter = new QSplitter(m_libraryPage);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({380, 620});
    auto *libraryLayout = new QVBoxLayout(m_libraryPage);
    libraryLayout->addWidget(splitter);

    m_stack->addWidget(m_libraryPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    m_stepView = nullptr;
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(120);
    connect(m_searchDelay, &QTimer::timeout, this, [this] { search(m_search->text()); });
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        search(m_search->text());
        m_list->setFocus();
    });
    connect(m_sync, &QPushButton::clicked, this, &RunbooksView::sync);
    connect(m_sources, &QPushButton::clicked, this, &RunbooksView::editSources);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        m_selected = m_model->idAt(index.row());
        showRunbook();
    });
    connect(m_list, &QTableView::activated, this, [this] { m_stepThrough->setFocus(); });
    connect(m_stepThrough, &QPushButton::clicked, this, &RunbooksView::startStepThrough);
    connect(m_drill, &QPushButton::toggled, this, [this](bool on) {
        m_drillForm->setVisible(on);
        if (on)
            m_scenario->setFocus();
    });
    connect(m_startDrill, &QPushButton::clicked, this, &RunbooksView::startDrill);
    connect(m_history, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Result<Drill> drill = Drill::load(*m_library, item->data(Qt::UserRole).toLongLong());
        if (!drill) {
            m_banner->showMessage(Banner::Kind::Error, drill.error().message);
            return;
        }
        m_stepView->showDrill(std::move(drill).value());
        m_stack->setCurrentWidget(m_stepView);
    });
    retranslate();
}

RunbooksView::~RunbooksView()
{
    delete m_syncJob; // cancels a running sync and waits for its thread
    if (m_library)
        RollbackRunbookLink::setTitleLookup({});
}

void RunbooksView::retranslate()
{
    m_search->setPlaceholderText(tr("Search runbooks: type a few words (e.g. database failover)"));
    m_search->setAccessibleName(tr("Search runbooks"));
    m_sync->setText(tr("Sync"));
    m_sync->setToolTip(
        tr("Import the runbook source folders of this profile and the bundled samples into the local copy."));
    m_sources->setText(tr("Sources…"));
    m_sources->setToolTip(tr("The folders of runbooks this profile imports (for example a git checkout)."));
    m_syncProgress->setFormat(tr("Syncing runbooks: %v of %m files"));
    m_stepThrough->setText(tr("Step through"));
    m_drill->setText(tr("DR drill…"));
    m_scenario->setPlaceholderText(tr("Scenario, e.g. \"Primary database host lost in zone A\""));
    m_participants->setPlaceholderText(tr("Participants, separated by commas"));
    m_rto->setPlaceholderText(tr("RTO target (e.g. 15m)"));
    m_rpo->setPlaceholderText(tr("RPO target (e.g. 1m)"));
    m_startDrill->setText(tr("Start the drill clock"));
    m_historyLabel->setText(tr("Drill history"));
    if (m_library)
        showRunbook();
}

void RunbooksView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RunbooksView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_library && !m_openFailed)
        QTimer::singleShot(0, this, [this] { ensureOpen(); });
}

bool RunbooksView::ensureOpen()
{
    if (m_library)
        return true;
    Result<ProfileStore> store = ProfileStore::open(m_profilePath);
    if (!store) {
        m_openFailed = true;
        m_banner->showMessage(
            Banner::Kind::Error, tr("The runbook library cannot be opened: %1").arg(store.error().message));
        return false;
    }
    m_store.emplace(std::move(store).value());
    m_library.emplace(m_store->database());
    // Drill events and finished step-throughs go to the profile's own audit log (docs/runbooks.md).
    Result<AuditLog> audit = AuditLog::open(RunbookLibrary::auditLogPath(m_profilePath), SystemClock::instance());
    if (audit) {
        m_audit.emplace(std::move(audit).value());
        m_library->setAuditLog(&*m_audit, currentPerson());
    } else {
        m_banner->showMessage(Banner::Kind::Warning,
            tr("The audit log of the runbooks cannot be opened, so drills are not recorded in it: %1")
                .arg(audit.error().message));
    }
    RollbackRunbookLink::setTitleLookup([this](const QString &id) {
        const Result<Runbook> runbook
            = m_library ? m_library->runbook(id) : Result<Runbook>(makeError(ErrorCode::NotFound, {}));
        return runbook ? runbook->title : QString();
    });
    m_stepView = new RunbookStepView(*m_library, m_prompter, m_stack);
    m_stack->addWidget(m_stepView);
    connect(m_stepView, &RunbookStepView::closed, this, [this](const QString &id) {
        showLibrary();
        selectRunbook(id);
    });
    sync();

    // After a restart (or a crash) the step-through or drill that was under way opens at the same step.
    const Result<std::optional<qint64>> open = RunbookSession::latestOpen(*m_library);
    if (open.ok() && open->has_value()) {
        Result<RunbookSession> session = RunbookSession::resume(*m_library, **open);
        if (session && session->drillId()) {
            Result<Drill> drill = Drill::load(*m_library, *session->drillId());
            if (drill) {
                m_stepView->showDrill(std::move(drill).value());
                m_stack->setCurrentWidget(m_stepView);
            }
        } else if (session) {
            m_stepView->showSession(std::move(session).value());
            m_stack->setCurrentWidget(m_stepView);
        }
    }
    return true;
}

void RunbooksView::sync()
{
    if (!m_library && !ensureOpen())
        return;
    if (m_syncJob) {
        m_syncAgain = true; // the folders may have changed since it started
        return;
    }
    m_syncJob = new RunbookSyncJob(m_profilePath, m_bundled.isEmpty() ? QStringList() : QStringList {m_bundled});
    connect(m_syncJob, &RunbookSyncJob::progress, this, [this](int done, int total) {
        m_syncProgress->setRange(0, qMax(1, total));
        m_syncProgress->setValue(done);
    });
    connect(m_syncJob, &RunbookSyncJob::finished, this, [this](const Result<SyncReport> &report) {
        m_syncJob->deleteLater();
        m_syncJob = nullptr;
        m_syncProgress->hide();
        m_sync->setEnabled(true);
        showSyncReport(report);
        if (m_syncAgain) {
            m_syncAgain = false;
            sync();
        }
    });
    m_syncProgress->setRange(0, 0); // busy until the files are counted
    m_syncProgress->show();
    m_sync->setEnabled(false);
    m_syncJob->start();
}

bool RunbooksView::isSyncing() const
{
    return m_syncJob != nullptr;
}

void RunbooksView::editSources()
{
    if (!m_library && !ensureOpen())
        return;
    const Result<QStringList> current = m_library->sources();
    if (!current) {
        m_banner->showMessage(Banner::Kind::Error, current.error().message);
        return;
    }
    auto *dialog = new RunbookSourcesDialog(*current, m_folderPicker, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, before = *current] {
        const QStringList after = dialog->folders();
        for (const QString &folder : before) {
            if (after.contains(folder))
                continue;
            if (const Status removed = m_library->removeSource(folder); !removed) {
                m_banner->showMessage(Banner::Kind::Error, removed.error().message);
                return;
            }
        }
        for (const QString &folder : after) {
            if (before.contains(folder))
                continue;
            if (const Status added = m_library->addSource(folder); !added) {
                m_banner->showMessage(Banner::Kind::Error, added.error().message);
                return;
            }
        }
        refreshList();
        sync();
    });
    dialog->open();
}

bool RunbooksView::openRunbook(const QString &runbookId)
{
    if (!ensureOpen() || !m_library->runbook(runbookId).ok())
        return false;
    showLibrary();
    selectRunbook(runbookId);
    return m_selected == runbookId;
}

void RunbooksView::showSyncReport(const Result<SyncReport> &report)
{
    if (!report) {
        m_banner->showMessage(Banner::Kind::Error, tr("Sync failed: %1").arg(report.error().message));
        return;
    }
    QStringList lines;
    if (report->hasChanges())
        lines << tr("Sync: %1 added, %2 changed, %3 removed.")
                     .arg(report->added.size())
                     .arg(report->changed.size())
                     .arg(report->removed.size());
    for (const QString &folder : report->unavailableSources)
        lines << tr("Source folder not available, its runbooks were kept: %1").arg(folder);
    for (const SyncProblem &problem : report->problems)
        lines << problem.message;
    if (!report->pinnedInProgress.isEmpty())
        lines << tr("In progress on their earlier version (notes kept): %1")
                     .arg(report->pinnedInProgress.join(QStringLiteral(", ")));
    if (lines.isEmpty())
        m_banner->hide();
    else
        m_banner->showMessage(report->problems.isEmpty() && report->unavailableSources.isEmpty()
                ? Banner::Kind::Info
                : Banner::Kind::Warning,
            lines.join(u'\n'));
    refreshList();
}

void RunbooksView::refreshList()
{
    search(m_search->text());
}

void RunbooksView::search(const QString &text)
{
    if (!m_library)
        return;
    const QString previous = m_selected;
    if (text.trimmed().isEmpty()) {
        const Result<QList<RunbookSummary>> all = m_library->list();
        if (!all) {
            m_banner->showMessage(Banner::Kind::Error, all.error().message);
            return;
        }
        m_model->setRunbooks(*all);
        m_listStack->setCurrentWidget(all->isEmpty() ? static_cast<QWidget *>(m_empty) : m_list);
    } else {
        // Snippets come one at a time, for the selected hit (showRunbook).
        const Result<QList<RunbookSearchHit>> hits = m_library->search(text, 50, 1);
        if (!hits) {
            m_banner->showMessage(Banner::Kind::Error, hits.error().message);
            return;
        }
        m_model->setHits(*hits);
        m_listStack->setCurrentWidget(m_list);
    }
    const int row = text.trimmed().isEmpty() ? m_model->rowOf(previous) : 0;
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(qMax(0, row), 0));
    else {
        m_selected.clear();
        showRunbook();
    }
}

void RunbooksView::selectRunbook(const QString &id)
{
    int row = m_model->rowOf(id);
    if (row < 0) {
        m_search->clear();
        search(QString());
        row = m_model->rowOf(id);
    }
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row, 0));
}

void RunbooksView::showRunbook()
{
    const bool has = !m_selected.isEmpty() && m_library;
    m_stepThrough->setEnabled(has);
    m_drill->setEnabled(has);
    m_history->clear();
    if (!has) {
        m_text->clear();
        m_snippet->clear();
        m_snippet->hide();
        return;
    }
    const Result<Runbook> runbook = m_library->runbook(m_selected);
    if (!runbook) {
        m_text->setPlainText(runbook.error().toString());
        return;
    }
    const Runbook &r = *runbook;
    const QModelIndex current = m_list->currentIndex();
    QString snippet
        = current.isValid() ? m_model->data(current, RunbookListModel::SnippetHtmlRole).toString() : QString();
    if (snippet.isEmpty() && !m_search->text().trimmed().isEmpty()) {
        const Result<QString> fetched = m_library->snippet(m_search->text(), r.id);
        if (fetched)
            snippet = renderHighlights(*fetched, QStringLiteral("<b>"), QStringLiteral("</b>"), true);
    }
    m_snippet->setText(snippet.isEmpty() ? QString() : QStringLiteral("<i>%1</i>").arg(snippet));
    m_snippet->setVisible(!snippet.isEmpty());

    // A Markdown table needs a header row: the first field is it, so no empty row shows above the others.
    QString meta;
    const auto row = [&meta](const QString &label, const QString &value) {
        QString v = value;
        v.replace(u'|', QStringLiteral("\\|"));
        const bool header = meta.isEmpty();
        meta += u"| **" + label + u"** | " + v + u" |\n";
        if (header)
            meta += QStringLiteral("|---|---|\n");
    };
    row(tr("Service"), r.service);
    row(tr("Owner"), r.owner);
    row(tr("Targets"),
        tr("RTO %1, RPO %2")
            .arg(r.rtoSeconds ? formatDuration(r.rtoSeconds) : tr("none"),
                r.rpoSeconds ? formatDuration(r.rpoSeconds) : tr("none")));
    row(tr("Tags"), r.tags.join(QStringLiteral(", ")));
    row(tr("Version"), tr("%1 (%2)").arg(r.version).arg(r.sourcePath));
    QString prerequisites;
    if (!r.prerequisites.isEmpty()) {
        prerequisites = u"\n**" + tr("Prerequisites") + u"**\n\n";
        for (const QString &p : r.prerequisites)
            prerequisites += u"- " + p + u'\n';
    }
    m_text->setMarkdown(meta + prerequisites + u"\n" + r.body);

    const Result<std::optional<qint64>> session = RunbookSession::openSession(*m_library, r.id);
    m_stepThrough->setText(session.ok() && session->has_value() ? tr("Resume step-through") : tr("Step through"));
    if (m_rto->text().isEmpty() || !m_drillForm->isVisible()) {
        m_rto->setText(r.rtoSeconds ? formatDuration(r.rtoSeconds) : QString());
        m_rpo->setText(r.rpoSeconds ? formatDuration(r.rpoSeconds) : QString());
    }
    const Result<QList<DrillRecord>> history = Drill::history(*m_library, r.id);
    if (history) {
        for (const DrillRecord &d : *history) {
            const std::optional<qint64> rto = d.measuredRtoSeconds();
            const QString text = d.isEnded()
                ? tr("%1 — %2 — RTO %3 (target %4)")
                      .arg(QLocale().toString(d.startedAt.toLocalTime(), QLocale::ShortFormat), d.scenario,
                          rto ? formatDuration(*rto) : QStringLiteral("—"),
                          d.rtoTargetSeconds ? formatDuration(d.rtoTargetSeconds) : tr("none"))
                : tr("%1 — %2 — running")
                      .arg(QLocale().toString(d.startedAt.toLocalTime(), QLocale::ShortFormat), d.scenario);
            auto *item = new QListWidgetItem(text, m_history);
            item->setData(Qt::UserRole, d.id);
        }
        if (history->isEmpty())
            new QListWidgetItem(tr("No drills yet."), m_history);
    }
}

void RunbooksView::showLibrary()
{
    m_stack->setCurrentWidget(m_libraryPage);
    m_search->setFocus();
}

void RunbooksView::startStepThrough()
{
    if (!m_library || m_selected.isEmpty())
        return;
    const Result<std::optional<qint64>> open = RunbookSession::openSession(*m_library, m_selected);
    Result<RunbookSession> session = open.ok() && open->has_value() ? RunbookSession::resume(*m_library, **open)
                                                                    : RunbookSession::start(*m_library, m_selected);
    if (!session) {
        m_banner->showMessage(Banner::Kind::Error, session.error().message);
        return;
    }
    m_stepView->showSession(std::move(session).value());
    m_stack->setCurrentWidget(m_stepView);
    m_stepView->setFocus();
}

void RunbooksView::startDrill()
{
    if (!m_library || m_selected.isEmpty())
        return;
    const Result<std::optional<qint64>> running = Drill::running(*m_library, m_selected);
    if (running.ok() && running->has_value()) {
        Result<Drill> drill = Drill::load(*m_library, **running);
        if (drill) {
            m_banner->showMessage(Banner::Kind::Info, tr("A drill of this runbook was already running; it continues."));
            m_stepView->showDrill(std::move(drill).value());
            m_stack->setCurrentWidget(m_stepView);
            return;
        }
    }
    DrillSetup setup;
    setup.scenario = m_scenario->text().trimmed();
    for (const QString &p : m_participants->text().split(u',', Qt::SkipEmptyParts))
        setup.participants << p.trimmed();
    for (auto [edit, target] :
        {std::pair {m_rto, &setup.rtoTargetSeconds}, std::pair {m_rpo, &setup.rpoTargetSeconds}}) {
        if (edit->text().trimmed().isEmpty())
            continue;
        const std::optional<qint64> seconds = parseDuration(edit->text());
        if (!seconds) {
            m_banner->showMessage(Banner::Kind::Error,
                tr("\"%1\" is not a duration; write it like 15m, 1h30m or 45s.").arg(edit->text()));
            edit->setFocus();
            return;
        }
        *target = *seconds;
    }
    Result<Drill> drill = Drill::start(*m_library, m_selected, setup);
    if (!drill) {
        m_banner->showMessage(Banner::Kind::Error, drill.error().message);
        return;
    }
    m_drill->setChecked(false);
    m_scenario->clear();
    m_participants->clear();
    m_stepView->showDrill(std::move(drill).value());
    m_stack->setCurrentWidget(m_stepView);
    m_stepView->setFocus();
}

} // namespace gl::ui
