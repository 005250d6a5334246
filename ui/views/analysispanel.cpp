#include "analysispanel.h"

#include "analysisrulemodel.h"
#include "banner.h"
#include "emptystate.h"
#include "storage/statestore.h"
#include "verdicthistorymodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gl::ui {

namespace {

constexpr int kRefreshMs = 2000;

// "<=" failed means ">", and so on: the comparison a failing value stands in.
QString violated(const QString &comparison)
{
    if (comparison == u"<=")
        return QStringLiteral(">");
    if (comparison == u">=")
        return QStringLiteral("<");
    if (comparison == u"<")
        return QStringLiteral(">=");
    return comparison;
}

QTableView *makeTable(QWidget *parent, const char *name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(QString::fromLatin1(name));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

AnalysisPanel::AnalysisPanel(QWidget *parent)
    : QWidget(parent)
    , m_banner(new Banner(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyState(this))
    , m_page(new QWidget(this))
    , m_summary(new QLabel(m_page))
    , m_rulesLabel(new QLabel(m_page))
    , m_historyLabel(new QLabel(m_page))
    , m_rulesView(makeTable(m_page, "analysisRulesTable"))
    , m_historyView(makeTable(m_page, "verdictHistoryTable"))
    , m_rules(new AnalysisRuleModel(this))
    , m_history(new VerdictHistoryModel(this))
    , m_refresh(new QTimer(this))
{
    m_banner->setObjectName(QStringLiteral("analysisBanner"));
    m_stack->setObjectName(QStringLiteral("analysisStack"));
    m_empty->setObjectName(QStringLiteral("analysisEmptyState"));
    m_summary->setObjectName(QStringLiteral("verdictSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont summaryFont = m_summary->font();
    summaryFont.setBold(true);
    summaryFont.setPointSizeF(summaryFont.pointSizeF() * 1.15);
    m_summary->setFont(summaryFont);
    m_rulesView->setModel(m_rules);
    m_historyView->setModel(m_history);
    m_rulesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_rulesView->horizontalHeader()->setStretchLastSection(false);
    m_rulesView->horizontalHeader()->setSectionResizeMode(AnalysisRuleModel::RuleColumn, QHeaderView::Stretch);
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_rulesLabel->setBuddy(m_rulesView);
    m_historyLabel->setBuddy(m_historyView);

    auto *page = new QVBoxLayout(m_page);
    page->setContentsMargins(0, 0, 0, 0);
    page->addWidget(m_summary);
    page->addSpacing(6);
    page->addWidget(m_rulesLabel);
    page->addWidget(m_rulesView, 1);
    page->addWidget(m_historyLabel);
    page->addWidget(m_historyView, 2);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_page);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    m_refresh->setInterval(kRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, &AnalysisPanel::reload);
    retranslate();
}

AnalysisPanel::~AnalysisPanel() = default;

void AnalysisPanel::setSource(StateStore *store, const Environment &environment)
{
    Q_UNUSED(environment) // the run stores the configuration it used; the file's may have changed since
    m_store = store;
    m_measurements.reset();
    if (store)
        m_measurements.emplace(store->database());
    m_shownRollout = -1;
    m_shownRevision = -1;
    reload();
}

void AnalysisPanel::setRollout(const std::optional<RolloutRecord> &rollout)
{
    m_rollout = rollout;
    if (rollout && rollout->id == m_shownRollout && rollout->revision == m_shownRevision)
        return;
    reload();
}

void AnalysisPanel::reload()
{
    m_refresh->stop();
    m_shownRollout = m_rollout ? m_rollout->id : -1;
    m_shownRevision = m_rollout ? m_rollout->revision : -1;
    if (!m_rollout) {
        showEmpty(tr("No rollout"), tr("The analysis of a rollout's new version against the stable one shows here."));
        return;
    }
    if (!m_measurements) {
        showEmpty(tr("No state database"), tr("Open an environment to read its analysis runs."));
        return;
    }
    const Result<AnalysisRunRecord> run = m_measurements->latestRun(m_rollout->id);
    if (!run.ok()) {
        if (run.error().code == ErrorCode::NotFound) {
            m_banner->hide();
            showEmpty(tr("No analysis yet"),
                tr("This rollout has not run an analysis. Steps that wait for analysis compare the new version "
                   "with the stable one on the environment's SLIs."));
            // The engine starts one at the first analysed step.
            if (m_rollout->finishedAt.isEmpty())
                m_refresh->start();
        } else {
            m_banner->showMessage(Banner::Kind::Error, tr("Cannot read the analysis: %1").arg(run.error().message));
        }
        return;
    }
    const Result<QList<Measurement>> measurements = m_measurements->measurements(run->id);
    if (!measurements.ok()) {
        m_banner->showMessage(
            Banner::Kind::Error, tr("Cannot read the analysis: %1").arg(measurements.error().message));
        return;
    }
    m_banner->hide();
    m_rules->setMeasurements(*measurements, run->config);
    m_history->setMeasurements(run->id, *measurements);
    m_summary->setText(summarize(*run, *measurements, m_rollout));
    m_stack->setCurrentWidget(m_page);
    if (!run->finishedAt.isValid())
        m_refresh->start();
}

QString AnalysisPanel::summary() const
{
    return m_stack->currentWidget() == m_page ? m_summary->text() : QString();
}

void AnalysisPanel::showEmpty(const QString &title, const QString &description)
{
    m_rules->clear();
    m_history->clear();
    m_summary->clear();
    m_empty->setTexts(title, description);
    m_stack->setCurrentWidget(m_empty);
}

void AnalysisPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void AnalysisPanel::retranslate()
{
    m_rulesLabel->setText(tr("&Rules (last measurement)"));
    m_historyLabel->setText(tr("&Verdict history"));
    m_shownRevision = -1;
    reload();
}

QString AnalysisPanel::summarize(
    const AnalysisRunRecord &run, const QList<Measurement> &measurements, const std::optional<RolloutRecord> &rollout)
{
    const int evaluations = measurements.isEmpty() ? 0 : measurements.last().sequence;
    switch (run.verdict) {
    case Verdict::Failed: {
        QString prefix = tr("Analysis failed");
        if (rollout && (rollout->state == RolloutState::RolledBack || rollout->state == RolloutState::RollingBack))
            prefix = tr("Rolled back");
        else if (rollout && (rollout->state == RolloutState::Aborted || rollout->state == RolloutState::Aborting))
            prefix = tr("Aborted");
        // The rule that failed in the last evaluation, and how often it failed.
        const Measurement *failing = nullptr;
        for (auto it = measurements.crbegin(); it != measurements.crend() && it->sequence == evaluations; ++it) {
            if (it->outcome == Outcome::Fail)
                failing = &*it;
        }
        if (!failing)
            return tr("%1: %2").arg(prefix, run.reason);
        int total = 0;
        int streak = 0;
        bool streakOpen = true;
        int sequence = -1;
        for (auto it = measurements.crbegin(); it != measurements.crend(); ++it) {
            if (it->rule != failing->rule || it->sequence == sequence)
                continue;
            sequence = it->sequence;
            if (it->outcome == Outcome::Fail) {
                ++total;
                if (streakOpen)
                    ++streak;
            } else {
                streakOpen = false; // a pass or an inconclusive measurement ends the run of failures
            }
        }
        const QString unit = AnalysisRuleModel::unitOf(*failing, run.config);
        QString sli = failing->sli;
        sli.replace(u'-', u' ');
        bool burn = false;
        for (const AnalysisRule &rule : run.config.rules)
            burn = burn || (rule.name == failing->rule && rule.kind == RuleKind::BurnRate);
        QString what = burn
            ? tr("%1 burnt %2 of its error budget (limit %3)")
                  .arg(sli, AnalysisRuleModel::formatValue(failing->value, unit),
                      AnalysisRuleModel::formatValue(failing->threshold, unit))
            : QStringLiteral("%1 %2 %3 %4")
                  .arg(sli, AnalysisRuleModel::formatValue(failing->value, unit), violated(failing->comparison),
                      AnalysisRuleModel::formatValue(failing->threshold, unit));
        if (!burn && streak > 1 && streak == total)
            what = tr("%1 %n times in a row", nullptr, streak).arg(what);
        else if (!burn && total > 1)
            what = tr("%1 (failed %n times)", nullptr, total).arg(what);
        return tr("%1: %2").arg(prefix, what);
    }
    case Verdict::Passed:
        return tr("Passed: every rule within its threshold (%n evaluations)", nullptr, evaluations);
    case Verdict::Passing:
        return tr("Passing so far: %1").arg(run.reason);
    case Verdict::Failing:
        return tr("Failing (not rolled back yet): %1").arg(run.reason);
    case Verdict::Inconclusive:
        return tr("Inconclusive, never promoted: %1").arg(run.reason);
    case Verdict::Pending:
        return tr("Waiting for the first verdict: %1").arg(run.reason);
    }
    return run.reason;
}

} // namespace gl::ui
