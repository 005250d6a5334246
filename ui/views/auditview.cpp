#include "auditview.h"

#include "audit/auditreader.h"
#include "banner.h"
#include "credentials/credentialstore.h"
#include "identity/identitystore.h"
#include "models/auditentrymodel.h"
#include "models/auditfilterproxymodel.h"
#include "prompter.h"
#include "util/clock.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace gl::ui {

AuditView::AuditView(Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_prompter(prompter)
    , m_clock(&SystemClock::instance())
{
    setObjectName(QStringLiteral("auditPage"));
    m_chooser = [](QWidget *owner, const QString &title, const QString &filter) {
        return QFileDialog::getSaveFileName(owner, title, QString(), filter);
    };
    m_banner = new Banner(this);
    m_banner->setObjectName(QStringLiteral("auditBanner"));

    m_timeLabel = new QLabel(this);
    m_time = new QComboBox(this);
    m_time->setObjectName(QStringLiteral("auditTimeFilter"));
    for (int i = 0; i <= int(TimeFilter::Custom); ++i)
        m_time->addItem(QString(), i);
    m_from = new QDateTimeEdit(this);
    m_from->setObjectName(QStringLiteral("auditFromEdit"));
    m_to = new QDateTimeEdit(this);
    m_to->setObjectName(QStringLiteral("auditToEdit"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setTimeSpec(Qt::LocalTime);
        edit->hide();
    }
    m_personLabel = new QLabel(this);
    m_person = new QComboBox(this);
    m_person->setObjectName(QStringLiteral("auditPersonFilter"));
    m_person->setEditable(true);
    m_person->setInsertPolicy(QComboBox::NoInsert);
    m_person->setMinimumContentsLength(10);
    m_rolloutLabel = new QLabel(this);
    m_rollout = new QLineEdit(this);
    m_rollout->setObjectName(QStringLiteral("auditRolloutFilter"));
    m_rollout->setClearButtonEnabled(true);
    m_rollout->setMaximumWidth(110);
    m_actionLabel = new QLabel(this);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditActionFilter"));
    m_action->setEditable(true);
    m_action->setInsertPolicy(QComboBox::NoInsert);
    m_action->setMinimumContentsLength(14);
    m_verify = new QPushButton(this);
    m_verify->setObjectName(QStringLiteral("verifyAuditButton"));
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("exportAuditButton"));
    auto *exportMenu = new QMenu(m_export);
    exportMenu->setObjectName(QStringLiteral("exportAuditMenu"));
    QAction *jsonl = exportMenu->addAction(QString());
    jsonl->setObjectName(QStringLiteral("exportJsonLinesAction"));
    QAction *csv = exportMenu->addAction(QString());
    csv->setObjectName(QStringLiteral("exportCsvAction"));
    m_export->setMenu(exportMenu);
    m_timeLabel->setBuddy(m_time);
    m_personLabel->setBuddy(m_person);
    m_rolloutLabel->setBuddy(m_rollout);
    m_actionLabel->setBuddy(m_action);

    m_model = new AuditEntryModel(this);
    m_proxy = new AuditFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AuditEntryModel::SeqColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    for (int column : {AuditEntryModel::SeqColumn, AuditEntryModel::TimeColumn, AuditEntryModel::ActorColumn,
             AuditEntryModel::ActionColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AuditEntryModel::SubjectColumn, QHeaderView::Interactive);
    header->resizeSection(AuditEntryModel::SubjectColumn, 140);
    header->setStretchLastSection(true);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("auditCountLabel"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_timeLabel);
    filters->addWidget(m_time);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    filters->addSpacing(8);
    filters->addWidget(m_personLabel);
    filters->addWidget(m_person);
    filters->addSpacing(8);
    filters->addWidget(m_rolloutLabel);
    filters->addWidget(m_rollout);
    filters->addSpacing(8);
    filters->addWidget(m_actionLabel);
    filters->addWidget(m_action);
    filters->addStretch(1);
    filters->addWidget(m_verify);
    filters->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    auto *body = new QVBoxLayout;
    body->setContentsMargins(9, 6, 9, 9);
    body->addLayout(filters);
    body->addWidget(m_table, 1);
    body->addWidget(m_count);
    layout->addLayout(body, 1);

    m_poll = new QTimer(this);
    m_poll->setInterval(1500);
    connect(m_poll, &QTimer::timeout, this, &AuditView::refresh);
    connect(m_time, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_time->currentData().toInt() == int(TimeFilter::Custom);
        if (custom && !m_from->isVisible()) {
            const QDateTime now = m_clock->now().toLocalTime();
            m_from->setDateTime(now.addDays(-1));
            m_to->setDateTime(now.addSecs(3600));
        }
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        applyFilters();
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &AuditView::applyFilters);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &AuditView::applyFilters);
    connect(m_person, &QComboBox::currentTextChanged, this, &AuditView::applyFilters);
    connect(m_action, &QComboBox::currentTextChanged, this, &AuditView::applyFilters);
    connect(m_rollout, &QLineEdit::textChanged, this, &AuditView::applyFilters);
    connect(m_verify, &QPushButton::clicked, this, &AuditView::verify);
    connect(jsonl, &QAction::triggered, this, [this] { exportLog(AuditExportFormat::JsonLines); });
    connect(csv, &QAction::triggered, this, [this] { exportLog(AuditExportFormat::Csv); });
    connect(m_model, &AuditEntryModel::pageLoadFailed, this, [this](const QString &message) {
        m_banner->showMessage(Banner::Kind::Error, tr("Cannot read the audit log: %1").arg(message));
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AuditView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AuditView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AuditView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AuditView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &AuditView::updateCount);
    retranslate();
}

AuditView::~AuditView()
{
    for (QThread *worker : {m_worker, m_exportWorker}) {
        if (worker) {
            worker->wait();
            delete worker;
        }
    }
}

void AuditView::retranslate()
{
    m_timeLabel->setText(tr("&Time:"));
    const QStringList times {tr("Any time"), tr("Last hour"), tr("Last 24 hours"), tr("Last 7 days"), tr("Range…")};
    for (int i = 0; i < times.size(); ++i)
        m_time->setItemText(i, times[i]);
    m_from->setToolTip(tr("From (local time)"));
    m_to->setToolTip(tr("To (local time)"));
    m_personLabel->setText(tr("&Person:"));
    m_person->lineEdit()->setPlaceholderText(tr("anyone"));
    m_rolloutLabel->setText(tr("&Rollout:"));
    m_rollout->setPlaceholderText(tr("any, or an id"));
    m_actionLabel->setText(tr("A&ction:"));
    m_action->lineEdit()->setPlaceholderText(tr("any, or e.g. approval.*"));
    m_verify->setText(tr("&Verify"));
    m_verify->setToolTip(tr("Check the hash chain and the signed checkpoints of the whole log."));
    m_export->setText(tr("&Export"));
    const QList<QAction *> actions = m_export->menu()->actions();
    actions[0]->setText(tr("JSON Lines…"));
    actions[1]->setText(tr("CSV…"));
    updateCount();
}

void AuditView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AuditView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_poll->start();
}

void AuditView::hideEvent(QHideEvent *event)
{
    m_poll->stop();
    QWidget::hideEvent(event);
}

void AuditView::setPollIntervalMs(int ms)
{
    m_poll->setInterval(ms);
}

void AuditView::setEnvironment(const std::optional<Environment> &environment)
{
    m_environment = environment;
    m_log.reset();
    m_logPath = environment ? AuditLog::pathForStateDatabase(environment->stateDatabase) : QString();
    m_model->clear();
    m_headSeq = 0;
    m_polledSeq = 0;
    m_brokenSeq = 0;
    m_knownActors.clear();
    m_knownActions.clear();
    m_banner->hide();
    refresh();
}

void AuditView::updateEnvironment(const Environment &environment)
{
    if (!m_environment || m_environment->stateDatabase != environment.stateDatabase) {
        setEnvironment(environment);
        return;
    }
    m_environment = environment;
}

void AuditView::refresh()
{
    if (m_logPath.isEmpty()) {
        updateCount();
        return;
    }
    if (!m_log) {
        if (!QFileInfo::exists(m_logPath)) {
            updateCount();
            return; // nothing was recorded yet; the log is created by the first append
        }
        Result<AuditLog> log = AuditLog::open(m_logPath, *m_clock);
        if (!log) {
            m_banner->showMessage(Banner::Kind::Error, tr("Cannot open the audit log: %1").arg(log.error().message));
            return;
        }
        m_log.emplace(std::move(log).value());
        m_knownActors = auditDistinctValues(*m_log, AuditColumn::Actor).valueOr(QStringList());
        m_knownActions = auditDistinctValues(*m_log, AuditColumn::Action).valueOr(QStringList());
        reload();
        return;
    }
    // New entries since the last poll, few at a time; those matching the filters go to the top.
    const Result<QList<AuditEntry>> fresh = auditEntriesAfter(*m_log, m_polledSeq);
    if (!fresh) {
        m_banner->showMessage(Banner::Kind::Error, tr("Cannot read the audit log: %1").arg(fresh.error().message));
        return;
    }
    QList<AuditEntry> matching;
    bool newValues = false;
    for (const AuditEntry &entry : *fresh) {
        m_polledSeq = std::max(m_polledSeq, entry.seq);
        if (!m_knownActors.contains(entry.actor)) {
            m_knownActors << entry.actor;
            newValues = true;
        }
        if (!m_knownActions.contains(entry.action)) {
            m_knownActions << entry.action;
            newValues = true;
        }
        if (m_query.matches(entry))
            matching << entry;
    }
    m_headSeq = std::max(m_headSeq, m_polledSeq);
    m_model->appendEntries(matching);
    if (newValues)
        updateFilterChoices();
    updateCount();
}

// Reads the newest page matching the filters again (SQLite does the filtering); older pages follow on scrolling.
void AuditView::reload()
{
    if (!m_log)
        return;
    const Result<qint64> head = auditHeadSeq(*m_log);
    m_headSeq = head ? *head : 0;
    m_polledSeq = m_headSeq;
    AuditLog *log = &*m_log;
    const AuditQuery query = m_query;
    m_model->setPageLoader(
        [log, query](qint64 before, int limit) { return auditEntriesBefore(*log, before, limit, query); }, m_pageSize);
    m_model->fetchMore({});
    m_model->setBrokenSeq(m_brokenSeq);
    updateFilterChoices();
    updateCount();
}

void AuditView::applyFilters()
{
    QDateTime from;
    QDateTime to;
    const QDateTime now = m_clock->now();
    switch (TimeFilter(m_time->currentData().toInt())) {
    case TimeFilter::Any:
        break;
    case TimeFilter::LastHour:
        from = now.addSecs(-3600);
        break;
    case TimeFilter::LastDay:
        from = now.addDays(-1);
        break;
    case TimeFilter::LastWeek:
        from = now.addDays(-7);
        break;
    case TimeFilter::Custom:
        from = m_from->dateTime();
        to = m_to->dateTime();
        break;
    }
    AuditQuery query;
    query.from = from;
    query.to = to;
    query.actor = m_person->currentText().trimmed();
    query.setRollout(m_rollout->text());
    query.setActionPattern(m_action->currentText());
    if (query == m_query)
        return;
    m_query = query;
    reload();
}

void AuditView::updateFilterChoices()
{
    const auto refill = [](QComboBox *box, const QStringList &values) {
        const QString text = box->currentText();
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(QString());
        box->addItems(values);
        box->setEditText(text);
    };
    QStringList actors = m_knownActors;
    actors.sort();
    refill(m_person, actors);
    QStringList actions = m_knownActions;
    actions.sort();
    QStringList prefixes;
    for (const QString &action : std::as_const(actions)) {
        const qsizetype dot = action.indexOf(u'.');
        if (dot > 0 && !prefixes.contains(action.left(dot + 1) + u'*'))
            prefixes << action.left(dot + 1) + u'*';
    }
    refill(m_action, prefixes + actions);
}

void AuditView::updateCount()
{
    if (!m_environment) {
        m_count->setText(tr("Open an environment to see its audit log."));
        return;
    }
    const int total = int(m_headSeq);
    const int shown = m_proxy->rowCount();
    if (total == 0)
        m_count->setText(tr("No audit entries yet: rollout actions, approvals and settings changes appear here."));
    else if (m_query.isEmpty() && m_model->allLoaded())
        m_count->setText(tr("%n entries", nullptr, total));
    else if (m_query.isEmpty())
        m_count->setText(
            tr("%n entries; the newest %1 are loaded, scroll down for older ones", nullptr, total).arg(shown));
    else if (m_model->allLoaded())
        m_count->setText(tr("%1 of %n entries match the filters", nullptr, total).arg(shown));
    else
        m_count->setText(
            tr("%1 of %n entries match the filters so far; scroll down for older ones", nullptr, total).arg(shown));
}

bool AuditView::verify()
{
    refresh();
    if (!m_log || m_verifying) {
        if (!m_log)
            m_banner->showMessage(Banner::Kind::Info, tr("There is no audit log to verify yet."));
        return false;
    }
    m_verifying = true;
    m_verify->setEnabled(false);
    const int entries = int(m_headSeq);
    m_banner->showMessage(Banner::Kind::Info, tr("Verifying %n entries…", nullptr, entries));
    QList<PublicKey> trusted = m_environment->approvals.publicKeys();
    if (!m_credentials) {
        runVerification(trusted, {});
        return true;
    }
    auto *identities = new IdentityStore(m_credentials, this);
    IdentityJob *job = identities->load(IdentityStore::auditKeyName(), false);
    connect(job, &IdentityJob::finished, this, [this, identities, trusted](const Result<SigningKey> &key) mutable {
        identities->deleteLater();
        if (key)
            trusted << key->publicKey();
        runVerification(trusted, {});
    });
    job->start();
    return true;
}

void AuditView::runVerification(const QList<PublicKey> &trustedKeys, const QStringList &notesIn)
{
    QList<PublicKey> trusted = trustedKeys;
    QStringList notes = notesIn;
    // Without the installation key, the key named in the outside checkpoint (as greenlightctl audit verify).
    if (const auto external = m_log->externalCheckpoint(); external && external->has_value()) {
        if (const Result<PublicKey> key = PublicKey::fromBase64((*external)->key); key && !trusted.contains(*key)) {
            trusted << *key;
            notes << tr("The installation key is not in this keychain; the key named in the outside checkpoint (%1) "
                        "is trusted.")
                         .arg(key->fingerprint());
        }
    }
    auto result = std::make_shared<std::optional<Result<AuditVerifyReport>>>();
    const QString path = m_log->path();
    AuditLog::Options options;
    options.externalCheckpointPath = m_log->externalCheckpointPath();
    const Clock *clock = m_clock;
    m_worker = QThread::create([result, path, options, trusted, clock] {
        // Its own connection: a Database is used from the thread that opened it.
        Result<AuditLog> log = AuditLog::open(path, *clock, options);
        if (!log)
            result->emplace(log.error());
        else
            result->emplace(log->verify(trusted));
    });
    connect(m_worker, &QThread::finished, this, [this, result, notes] {
        m_worker->deleteLater();
        m_worker = nullptr;
        m_verifying = false;
        m_verify->setEnabled(true);
        showVerification(
            result->has_value() ? **result : Result<AuditVerifyReport>(makeError(ErrorCode::Io, {})), notes);
    });
    m_worker->start();
}

void AuditView::showVerification(const Result<AuditVerifyReport> &report, const QStringList &notes)
{
    if (!report) {
        m_banner->showMessage(Banner::Kind::Error, tr("Verification could not run: %1").arg(report.error().message));
        emit verificationFinished(false, 0, report.error().message);
        return;
    }
    const QStringList warnings = report->warnings + notes;
    QString text;
    if (report->ok) {
        text = tr("The audit log is intact: %n entries, head seq %1 (%2), %3 checkpoints matched.", nullptr,
            int(report->entries))
                   .arg(report->lastSeq)
                   .arg(QString::fromLatin1(report->lastHash.left(16)))
                   .arg(report->checkpointsMatched);
    } else {
        text = tr("The audit log is BROKEN at seq %1: %2").arg(report->firstBrokenSeq).arg(report->reason);
    }
    for (const QString &warning : warnings)
        text += u'\n' + tr("Warning: %1").arg(warning);
    m_banner->showMessage(
        report->ok ? (warnings.isEmpty() ? Banner::Kind::Info : Banner::Kind::Warning) : Banner::Kind::Error, text);
    m_brokenSeq = report->ok ? 0 : report->firstBrokenSeq;
    m_model->setBrokenSeq(m_brokenSeq);
    if (!report->ok) {
        const int row = m_model->rowOfSeq(report->firstBrokenSeq);
        if (row >= 0)
            m_table->scrollTo(m_proxy->mapFromSource(m_model->index(row, 0)));
    }
    emit verificationFinished(report->ok, report->firstBrokenSeq, report->reason);
}

bool AuditView::exportLog(AuditExportFormat format)
{
    refresh();
    if (!m_log) {
        m_banner->showMessage(Banner::Kind::Info, tr("There is no audit log to export yet."));
        return false;
    }
    if (m_exportWorker)
        return false;
    const bool csv = format == AuditExportFormat::Csv;
    const QString path
        = m_chooser(this, csv ? tr("Export the audit log as CSV") : tr("Export the audit log as JSON Lines"),
            csv ? tr("CSV (*.csv)") : tr("JSON Lines (*.jsonl)"));
    if (path.isEmpty())
        return false;
    // On a worker thread with its own connection: a large log takes seconds and the view stays responsive.
    auto result = std::make_shared<Status>();
    const QString logPath = m_log->path();
    AuditLog::Options options;
    options.externalCheckpointPath = m_log->externalCheckpointPath();
    const Clock *clock = m_clock;
    m_exportWorker = QThread::create([result, logPath, options, clock, path, format] {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *result = makeError(
                ErrorCode::Io, tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
            return;
        }
        Result<AuditLog> log = AuditLog::open(logPath, *clock, options);
        if (!log) {
            *result = log.error();
            return;
        }
        *result = log->exportTo(file, format);
        file.close();
    });
    m_export->setEnabled(false);
    m_banner->showMessage(Banner::Kind::Info, tr("Exporting the audit log to %1…").arg(QDir::toNativeSeparators(path)));
    connect(m_exportWorker, &QThread::finished, this, [this, result, path] {
        m_exportWorker->deleteLater();
        m_exportWorker = nullptr;
        m_export->setEnabled(true);
        if (!*result) {
            m_banner->showMessage(Banner::Kind::Error, result->error().message);
            emit exportFinished(false, path);
            return;
        }
        m_banner->showMessage(Banner::Kind::Info,
            tr("Exported the audit log to %1 (with its checkpoints; it verifies on its own).")
                .arg(QDir::toNativeSeparators(path)));
        emit exportFinished(true, path);
    });
    m_exportWorker->start();
    return true;
}

} // namespace gl::ui
