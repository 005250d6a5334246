#include "runbookstepview.h"

#include "banner.h"
#include "prompter.h"
#include "reports/drillpdf.h"
#include "runbooks/drillreport.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTimeEdit>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace gl::ui {
namespace {

QString mmss(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms) / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString statusMark(StepStatus status)
{
    switch (status) {
    case StepStatus::Done:
        return QStringLiteral("✓");
    case StepStatus::Skipped:
        return QStringLiteral("↷");
    case StepStatus::Failed:
        return QStringLiteral("✗");
    case StepStatus::Pending:
        break;
    }
    return QStringLiteral("·");
}

QPushButton *button(QWidget *parent, const char *objectName)
{
    auto *b = new QPushButton(parent);
    b->setObjectName(QString::fromLatin1(objectName));
    b->setFocusPolicy(Qt::TabFocus);
    return b;
}

} // namespace

RunbookStepView::RunbookStepView(RunbookLibrary &library, Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
    , m_prompter(prompter)
    , m_exportFolder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u"/Greenlight drills")
{
    setObjectName(QStringLiteral("runbookStepView"));
    m_banner = new Banner(this);
    m_banner->setObjectName(QStringLiteral("stepBanner"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("stepThroughTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_drillClock = new QLabel(this);
    m_drillClock->setObjectName(QStringLiteral("drillClockLabel"));
    QFont clockFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    clockFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    clockFont.setBold(true);
    m_drillClock->setFont(clockFont);
    m_close = button(this, "closeStepThroughButton");

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_drillClock);
    header->addWidget(m_close);

    m_drillBar = new QWidget(this);
    m_drillBar->setObjectName(QStringLiteral("drillBar"));
    m_incident = button(m_drillBar, "incidentButton");
    m_restorePoint = new QDateTimeEdit(m_drillBar);
    m_restorePoint->setObjectName(QStringLiteral("restorePointEdit"));
    m_restorePoint->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_restorePoint->setTimeSpec(Qt::UTC);
    m_setRestorePoint = button(m_drillBar, "setRestorePointButton");
    m_serviceRestored = button(m_drillBar, "serviceRestoredButton");
    m_endDrill = button(m_drillBar, "endDrillButton");
    m_export = button(m_drillBar, "exportReportButton");
    auto *drillLayout = new QHBoxLayout(m_drillBar);
    drillLayout->setContentsMargins(0, 0, 0, 0);
    drillLayout->addWidget(m_incident);
    drillLayout->addSpacing(12);
    drillLayout->addWidget(m_restorePoint);
    drillLayout->addWidget(m_setRestorePoint);
    drillLayout->addWidget(m_serviceRestored);
    drillLayout->addStretch(1);
    drillLayout->addWidget(m_endDrill);
    drillLayout->addWidget(m_export);

    m_steps = new QListWidget(this);
    m_steps->setObjectName(QStringLiteral("stepList"));
    m_steps->setMinimumWidth(220);

    auto *stepPane = new QWidget(this);
    m_stepHeader = new QLabel(stepPane);
    m_stepHeader->setObjectName(QStringLiteral("stepHeaderLabel"));
    QFont stepFont = m_stepHeader->font();
    stepFont.setBold(true);
    stepFont.setPointSizeF(stepFont.pointSizeF() * 1.15);
    m_stepHeader->setFont(stepFont);
    m_stepHeader->setWordWrap(true);
    m_timer = new QLabel(stepPane);
    m_timer->setObjectName(QStringLiteral("stepTimerLabel"));
    m_timer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text = new QTextBrowser(stepPane);
    m_text->setObjectName(QStringLiteral("stepText"));
    m_text->setOpenExternalLinks(false);
    m_checklist = new QListWidget(stepPane);
    m_checklist->setObjectName(QStringLiteral("stepChecklist"));
    m_checklist->setMaximumHeight(120);
    m_commands = new QWidget(stepPane);
    m_commands->setObjectName(QStringLiteral("stepCommands"));
    m_commandsLayout = new QVBoxLayout(m_commands);
    m_commandsLayout->setContentsMargins(0, 0, 0, 0);
    m_note = new QPlainTextEdit(stepPane);
    m_note->setObjectName(QStringLiteral("stepNote"));
    m_note->setMaximumHeight(80);
    m_report = new QTextBrowser(stepPane);
    m_report->setObjectName(QStringLiteral("stepReport"));
    m_report->hide();

    auto *stepHeaderRow = new QHBoxLayout;
    stepHeaderRow->addWidget(m_stepHeader, 1);
    stepHeaderRow->addWidget(m_timer);
    auto *stepLayout = new QVBoxLayout(stepPane);
    stepLayout->setContentsMargins(0, 0, 0, 0);
    stepLayout->addLayout(stepHeaderRow);
    stepLayout->addWidget(m_text, 3);
    stepLayout->addWidget(m_checklist);
    stepLayout->addWidget(m_commands);
    stepLayout->addWidget(m_note);
    stepLayout->addWidget(m_report, 3);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_steps);
    splitter->addWidget(stepPane);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 760});

    m_previous = button(this, "previousStepButton");
    m_next = button(this, "nextStepButton");
    m_skip = button(this, "stepSkipButton");
    m_fail = button(this, "stepFailButton");
    m_done = button(this, "stepDoneButton");
    m_done->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previous);
    buttons->addWidget(m_next);
    buttons->addStretch(1);
    buttons->addWidget(m_skip);
    buttons->addWidget(m_fail);
    buttons->addWidget(m_done);
    m_hints = new QLabel(this);
    m_hints->setObjectName(QStringLiteral("stepHintsLabel"));
    m_hints->setEnabled(false);
    m_hints->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(header);
    layout->addWidget(m_drillBar);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_hints);
    m_banner->hide();

    connect(m_done, &QPushButton::clicked, this, [this] { markCurrent(StepStatus::Done); });
    connect(m_skip, &QPushButton::clicked, this, [this] { markCurrent(StepStatus::Skipped); });
    connect(m_fail, &QPushButton::clicked, this, [this] { markCurrent(StepStatus::Failed); });
    connect(m_previous, &QPushButton::clicked, this, [this] { showStep(m_shown - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showStep(m_shown + 1); });
    connect(m_close, &QPushButton::clicked, this, [this] {
        saveNote();
        if (RunbookSession *s = session())
            Q_EMIT closed(s->runbook().id);
    });
    connect(
        m_steps, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { showStep(m_steps->row(item)); });
    connect(m_steps, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { showStep(m_steps->row(item)); });
    connect(m_checklist, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        RunbookSession *s = session();
        if (!s || m_shown < 0)
            return;
        report(s->setChecked(m_shown, m_checklist->row(item), item->checkState() == Qt::Checked));
    });
    m_noteSave = new QTimer(this);
    m_noteSave->setSingleShot(true);
    m_noteSave->setInterval(400);
    connect(m_noteSave, &QTimer::timeout, this, &RunbookStepView::saveNote);
    connect(m_note, &QPlainTextEdit::textChanged, m_noteSave, qOverload<>(&QTimer::start));
    connect(m_incident, &QPushButton::clicked, this, &RunbookStepView::markIncident);
    connect(m_setRestorePoint, &QPushButton::clicked, this, &RunbookStepView::setRestorePoint);
    connect(m_serviceRestored, &QPushButton::clicked, this, &RunbookStepView::markServiceRestored);
    connect(m_endDrill, &QPushButton::clicked, this, &RunbookStepView::endDrill);
    connect(m_export, &QPushButton::clicked, this, &RunbookStepView::exportReport);

    // Keyboard: plain letters only act when the focus is not in the note (the note takes the keys itself).
    const auto shortcut = [this](const QKeySequence &key, auto slot) {
        auto *s = new QShortcut(key, this, slot);
        s->setContext(Qt::WidgetWithChildrenShortcut);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { markCurrent(StepStatus::Done); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this] { markCurrent(StepStatus::Done); });
    shortcut(QKeySequence(Qt::Key_S), [this] { markCurrent(StepStatus::Skipped); });
    shortcut(QKeySequence(Qt::Key_F), [this] { markCurrent(StepStatus::Failed); });
    shortcut(QKeySequence(Qt::Key_N), [this] { m_note->setFocus(Qt::ShortcutFocusReason); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Left), [this] { showStep(m_shown - 1); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Right), [this] { showStep(m_shown + 1); });
    shortcut(QKeySequence(Qt::Key_I), [this] {
        if (m_drill)
            markIncident();
    });
    shortcut(QKeySequence(Qt::Key_R), [this] {
        if (m_drill)
            markServiceRestored();
    });
    shortcut(QKeySequence(Qt::Key_Escape), [this] { m_steps->setFocus(Qt::ShortcutFocusReason); });

    m_tick = new QTimer(this);
    m_tick->setInterval(500);
    connect(m_tick, &QTimer::timeout, this, &RunbookStepView::refreshClock);
    retranslate();
}

RunbookSession *RunbookStepView::session()
{
    if (m_drill)
        return &m_drill->session();
    return m_session ? &*m_session : nullptr;
}

void RunbookStepView::showSession(RunbookSession session)
{
    m_drill.reset();
    m_session.emplace(std::move(session));
    m_shown = -1;
    m_banner->hide();
    refresh();
}

void RunbookStepView::showDrill(Drill drill)
{
    m_session.reset();
    m_drill.emplace(std::move(drill));
    m_shown = -1;
    m_banner->hide();
    m_restorePoint->setDateTime(
        m_drill->record().restorePoint.isValid() ? m_drill->record().restorePoint : m_drill->record().startedAt);
    refresh();
}

void RunbookStepView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

void RunbookStepView::retranslate()
{
    m_close->setText(tr("Back to the library"));
    m_previous->setText(tr("← Previous (Alt+←)"));
    m_next->setText(tr("Next → (Alt+→)"));
    m_skip->setText(tr("&Skip (S)"));
    m_fail->setText(tr("&Failed (F)"));
    m_done->setText(tr("&Done (Ctrl+Enter)"));
    m_incident->setText(tr("Incident (I)…"));
    m_setRestorePoint->setText(tr("Set restore point"));
    m_restorePoint->setToolTip(
        tr("The point in time the restored data reaches (UTC); the measured RPO is the drill start minus this."));
    m_serviceRestored->setText(tr("Service restored (R)"));
    m_serviceRestored->setToolTip(tr("The service works again: the measured RTO stops here."));
    m_endDrill->setText(tr("End drill…"));
    m_export->setText(tr("Export report (PDF, Markdown)"));
    m_note->setPlaceholderText(tr("Notes for this step (N to write, Esc to leave); saved as you type."));
    m_hints->setText(tr("Keys: Ctrl+Enter done · S skip · F failed · N note · Alt+←/→ other steps · Esc leave the note")
        + (m_drill ? tr(" · I incident · R service restored") : QString()));
}

void RunbookStepView::refresh()
{
    RunbookSession *s = session();
    if (!s)
        return;
    retranslate();
    const Runbook &runbook = s->runbook();
    m_title->setText(m_drill ? tr("Drill: %1").arg(runbook.title) : runbook.title);
    m_drillBar->setVisible(m_drill.has_value());
    m_drillClock->setVisible(m_drill.has_value());

    const QSignalBlocker blocker(m_steps);
    m_steps->clear();
    for (int i = 0; i < s->stepCount(); ++i) {
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2. %3")
                                             .arg(statusMark(s->progress(i).status))
                                             .arg(i + 1)
                                             .arg(runbook.steps.at(i).title),
            m_steps);
        item->setToolTip(stepStatusText(s->progress(i).status));
    }
    const bool ended = m_drill ? m_drill->record().isEnded() : s->isFinished();
    for (QPushButton *b : {m_done, m_skip, m_fail})
        b->setEnabled(!s->isFinished() && !ended);
    m_incident->setEnabled(m_drill && !ended);
    m_serviceRestored->setEnabled(m_drill && !ended && !m_drill->record().serviceRestoredAt.isValid());
    m_setRestorePoint->setEnabled(m_drill && !ended);
    m_restorePoint->setEnabled(m_drill && !ended);
    m_endDrill->setEnabled(m_drill && !ended);
    m_export->setEnabled(m_drill && ended);

    if (m_drill && ended) {
        m_report->setMarkdown(drillReportMarkdown(*m_drill));
        m_report->show();
    } else if (!m_drill && s->isFinished()) {
        const int done = s->countWith(StepStatus::Done);
        const int skipped = s->countWith(StepStatus::Skipped);
        const int failed = s->countWith(StepStatus::Failed);
        m_report->setMarkdown(u"### " + tr("Step-through finished") + u"\n\n"
            + tr("%1 done, %2 skipped, %3 failed.").arg(done).arg(skipped).arg(failed));
        m_report->show();
    } else if (m_drill && s->isFinished()) {
        m_report->setMarkdown(
            tr("Every step is marked. Mark **Service restored** if you have not, then **End drill** to "
               "see the measured RTO and RPO and export the report."));
        m_report->show();
    } else {
        m_report->hide();
    }
    showStep(m_shown >= 0 && m_shown < s->stepCount() && s->isFinished() ? m_shown : s->currentStep());
    if (!m_tick->isActive())
        m_tick->start();
}

void RunbookStepView::showStep(int step)
{
    RunbookSession *s = session();
    if (!s || step < 0 || step >= s->stepCount())
        return;
    saveNote();
    if (!s->isFinished() && step != s->currentStep())
        report(s->goTo(step));
    m_shown = step;
    const RunbookStep &rs = s->runbook().steps.at(step);
    const StepProgress &p = s->progress(step);
    {
        const QSignalBlocker blocker(m_steps);
        m_steps->setCurrentRow(step);
    }
    m_stepHeader->setText(tr("Step %1 of %2: %3").arg(step + 1).arg(s->stepCount()).arg(rs.title)
        + (p.status != StepStatus::Pending ? QStringLiteral(" — %1").arg(stepStatusText(p.status)) : QString()));

    // The step's Markdown without its checklist lines (they are the interactive list below).
    static const QRegularExpression checklistLine(
        QStringLiteral("^\\s*[-*+]\\s+\\[[ xX]\\]\\s+.*$\\n?"), QRegularExpression::MultilineOption);
    QString markdown = rs.markdown;
    markdown.remove(checklistLine);
    m_text->setMarkdown(markdown);

    {
        const QSignalBlocker blocker(m_checklist);
        m_checklist->clear();
        for (int i = 0; i < rs.checklist.size(); ++i) {
            auto *item = new QListWidgetItem(rs.checklist.at(i), m_checklist);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(p.checklist.value(i) ? Qt::Checked : Qt::Unchecked);
        }
        m_checklist->setVisible(!rs.checklist.isEmpty());
    }

    // Keep the keyboard in the view when the focused copy button goes away with its step.
    if (m_commands->isAncestorOf(QApplication::focusWidget())
        || (isAncestorOf(QApplication::focusWidget()) && !QApplication::focusWidget()->isEnabled()))
        m_steps->setFocus(Qt::OtherFocusReason);
    while (QLayoutItem *item = m_commandsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < rs.commands.size(); ++i) {
        const RunbookCommand &command = rs.commands.at(i);
        auto *row = new QWidget(m_commands);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto *code = new QLabel(row);
        code->setObjectName(QStringLiteral("commandText%1").arg(i));
        code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        code->setTextFormat(Qt::PlainText);
        code->setText(
            command.code.section(u'\n', 0, 0) + (command.code.contains(u'\n') ? QStringLiteral(" …") : QString()));
        code->setToolTip(command.code);
        code->setTextInteractionFlags(Qt::TextSelectableByMouse);
        code->setMinimumWidth(100);
        code->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        auto *copy = new QPushButton(tr("Copy"), row);
        copy->setObjectName(QStringLiteral("copyCommandButton%1").arg(i));
        copy->setFocusPolicy(Qt::TabFocus);
        copy->setToolTip(tr("Copy the command to the clipboard. Greenlight never runs it."));
        connect(copy, &QPushButton::clicked, this, [this, text = command.code] {
            QGuiApplication::clipboard()->setText(text);
            m_banner->showMessage(Banner::Kind::Info, tr("Command copied. Read it before you run it."));
        });
        rowLayout->addWidget(code, 1);
        rowLayout->addWidget(copy);
        m_commandsLayout->addWidget(row);
    }
    m_commands->setVisible(!rs.commands.isEmpty());

    {
        const QSignalBlocker blocker(m_note);
        m_note->setPlainText(p.note);
    }
    m_previous->setEnabled(step > 0);
    m_next->setEnabled(step + 1 < s->stepCount());
    refreshClock();
}

void RunbookStepView::refreshClock()
{
    RunbookSession *s = session();
    if (!s)
        return;
    if (m_drill)
        m_drillClock->setText(formatDrillClock(m_drill->clockMs()));
    if (m_shown < 0)
        return;
    const qint64 elapsed = s->stepElapsedMs(m_shown);
    const qint64 expected = s->runbook().steps.at(m_shown).expectedSeconds * 1000;
    const bool over = expected > 0 && elapsed > expected;
    m_timer->setText(tr("%1 of %2").arg(mmss(elapsed), mmss(expected))
        + (over ? u' ' + tr("(over by %1)").arg(mmss(elapsed - expected)) : QString()));
    m_timer->setStyleSheet(over ? QStringLiteral("color: #c62828; font-weight: bold;") : QString());
    m_timer->setProperty("overrun", over);
}

void RunbookStepView::saveNote()
{
    m_noteSave->stop();
    RunbookSession *s = session();
    if (!s || m_shown < 0 || s->progress(m_shown).note == m_note->toPlainText())
        return;
    report(s->setNote(m_shown, m_note->toPlainText()));
}

void RunbookStepView::markCurrent(StepStatus status)
{
    RunbookSession *s = session();
    if (!s || s->isFinished())
        return;
    saveNote();
    if (m_shown != s->currentStep())
        report(s->goTo(m_shown));
    const Status result = m_drill ? m_drill->completeStep(status) : s->complete(status);
    report(result);
    m_shown = -1;
    refresh();
}

void RunbookStepView::markIncident()
{
    if (!m_drill || m_drill->record().isEnded())
        return;
    Prompter::Question question;
    question.title = tr("Mark an incident");
    question.text = tr("What went wrong? It is stamped %1 on the drill clock and listed as a deviation in the report.")
                        .arg(formatDrillClock(m_drill->clockMs()));
    question.confirmLabel = tr("Mark incident");
    question.requiresReason = true;
    const Prompter::Answer answer = m_prompter.ask(this, question);
    if (!answer.confirmed || answer.reason.trimmed().isEmpty())
        return;
    report(m_drill->markIncident(answer.reason));
    refresh();
}

void RunbookStepView::setRestorePoint()
{
    if (!m_drill)
        return;
    report(m_drill->setRestorePoint(m_restorePoint->dateTime()));
    refresh();
}

void RunbookStepView::markServiceRestored()
{
    if (!m_drill || m_drill->record().isEnded() || m_drill->record().serviceRestoredAt.isValid())
        return;
    report(m_drill->markServiceRestored());
    refresh();
}

void RunbookStepView::endDrill()
{
    if (!m_drill || m_drill->record().isEnded())
        return;
    Prompter::Question question;
    question.title = tr("End the drill");
    const int open = m_drill->session().countWith(StepStatus::Pending);
    question.text = m_drill->record().serviceRestoredAt.isValid()
        ? tr("End the drill now? Steps still open: %1.").arg(open)
        : tr("End the drill now? The service was not marked restored, so the RTO is measured up to now. Steps still "
             "open: %1.")
              .arg(open);
    question.confirmLabel = tr("End drill");
    if (!m_prompter.ask(this, question).confirmed)
        return;
    saveNote();
    report(m_drill->end());
    refresh();
}

QString RunbookStepView::exportReport()
{
    if (!m_drill)
        return {};
    const DrillRecord &r = m_drill->record();
    const QString base = QStringLiteral("%1/drill-%2-%3-%4")
                             .arg(m_exportFolder, r.runbookId)
                             .arg(r.id)
                             .arg(r.startedAt.toUTC().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString markdown = drillReportMarkdown(*m_drill);
    const Status pdf = writeDrillPdf(markdown, base + u".pdf", tr("DR drill report: %1").arg(r.runbookTitle));
    if (!pdf) {
        report(pdf);
        return {};
    }
    QFile md(base + u".md");
    if (!md.open(QIODevice::WriteOnly | QIODevice::Truncate) || md.write(markdown.toUtf8()) < 0) {
        report(makeError(ErrorCode::Io, tr("Could not write %1: %2").arg(md.fileName(), md.errorString())));
        return {};
    }
    m_banner->showMessage(
        Banner::Kind::Info, tr("Report written to %1.pdf and .md").arg(QDir::toNativeSeparators(base)));
    return base + u".pdf";
}

void RunbookStepView::report(const Status &status)
{
    if (!status)
        m_banner->showMessage(Banner::Kind::Error, status.error().message);
}

} // namespace gl::ui
