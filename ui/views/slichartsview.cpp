#include "slichartsview.h"

#include "analysisrulemodel.h"
#include "banner.h"
#include "emptystate.h"
#include "metrics/prometheusclient.h"
#include "metrics/slifeed.h"
#include "slichart.h"
#include "util/clock.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace gl::ui {

namespace {

constexpr qint64 kWindowsMs[] = {5 * 60 * 1000, 15 * 60 * 1000, 60 * 60 * 1000, 6 * 60 * 60 * 1000};
constexpr const char *kChartNames[] = {"errorRatioChart", "p99LatencyChart", "throughputChart"};

} // namespace

SliChartsView::SliChartsView(QNetworkAccessManager &network, QWidget *parent)
    : QWidget(parent)
    , m_network(network)
    , m_banner(new Banner(this))
    , m_windowLabel(new QLabel(this))
    , m_window(new QComboBox(this))
    , m_versions(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyState(this))
    , m_chartsPage(new QWidget(this))
{
    m_banner->setObjectName(QStringLiteral("sliChartsBanner"));
    m_window->setObjectName(QStringLiteral("windowCombo"));
    m_versions->setObjectName(QStringLiteral("sliVersionsLabel"));
    m_stack->setObjectName(QStringLiteral("sliChartsStack"));
    m_empty->setObjectName(QStringLiteral("sliChartsEmptyState"));
    m_chartsPage->setObjectName(QStringLiteral("sliChartsPage"));
    m_windowLabel->setBuddy(m_window);
    for (int i = 0; i < 4; ++i)
        m_window->addItem(QString(), kWindowsMs[i]);

    auto *chartsLayout = new QVBoxLayout(m_chartsPage);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < SliFeed::SliCount; ++i) {
        m_charts[i] = new SliChart(m_chartsPage);
        m_charts[i]->setObjectName(QString::fromLatin1(kChartNames[i]));
        chartsLayout->addWidget(m_charts[i], 1);
    }
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_chartsPage);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_versions, 1);
    bar->addWidget(m_windowLabel);
    bar->addWidget(m_window);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_window, &QComboBox::currentIndexChanged, this, &SliChartsView::onWindowChanged);
    retranslate();
    setRollout(std::nullopt);
}

SliChartsView::~SliChartsView() = default;

void SliChartsView::setEnvironment(const Environment &environment)
{
    if (m_environment && m_prometheus && m_environment->filePath == environment.filePath
        && m_environment->prometheusUrl == environment.prometheusUrl && m_environment->analysis == environment.analysis)
        return; // a newer reading of the file that changes nothing charted: the charts go on
    m_environment = environment;
    m_feed.reset();
    m_prometheus = std::make_unique<PrometheusClient>(environment.prometheusUrl, m_network);
    m_prometheus->setDefaultTimeout(3000);
    rebuildFeed();
}

void SliChartsView::setRollout(const std::optional<RolloutRecord> &rollout)
{
    const bool sameVersions = rollout && m_rollout && rollout->id == m_rollout->id
        && rollout->versionTo == m_rollout->versionTo && rollout->versionFrom == m_rollout->versionFrom;
    m_rollout = rollout;
    if (sameVersions && m_feed)
        return; // a new revision of the same rollout: the charts go on
    rebuildFeed();
}

void SliChartsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void SliChartsView::retranslate()
{
    m_windowLabel->setText(tr("&Window:"));
    m_window->setItemText(0, tr("5 min"));
    m_window->setItemText(1, tr("15 min"));
    m_window->setItemText(2, tr("1 h"));
    m_window->setItemText(3, tr("6 h"));
    m_empty->setTexts(tr("No rollout"),
        tr("Start a rollout to see the new version's error ratio, p99 latency and throughput beside the stable "
           "version's, live from Prometheus."));
    render();
}

void SliChartsView::rebuildFeed()
{
    m_feed.reset();
    m_banner->hide();
    if (!m_rollout || !m_environment || !m_prometheus || m_rollout->versionTo.isEmpty()) {
        m_versions->clear();
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_feed = std::make_unique<SliFeed>(*m_prometheus, m_environment->analysis, SystemClock::instance());
    m_feed->setVersions(m_rollout->versionTo, m_rollout->versionFrom);
    m_feed->setWindow(m_window->currentData().toLongLong());
    connect(m_feed.get(), &SliFeed::updated, this, &SliChartsView::render);
    m_stack->setCurrentWidget(m_chartsPage);
    for (int i = 0; i < SliFeed::SliCount; ++i) {
        SliChart *chart = m_charts[i];
        chart->beginUpdate();
        chart->setSeries(SliChart::Line::New, {});
        chart->setSeries(SliChart::Line::Stable, {});
        chart->setBreaches({});
        chart->setThreshold(std::nullopt);
        chart->endUpdate();
    }
    render();
    m_feed->start();
}

void SliChartsView::onWindowChanged()
{
    if (m_feed)
        m_feed->setWindow(m_window->currentData().toLongLong());
}

void SliChartsView::render()
{
    if (!m_feed)
        return;
    const QString newVersion = m_feed->newVersion();
    const QString stableVersion = m_feed->stableVersion();
    m_versions->setText(stableVersion.isEmpty() ? tr("%1 (new)").arg(newVersion)
                                                : tr("%1 (new) against %2 (stable)").arg(newVersion, stableVersion));
    if (const std::optional<Error> &error = m_feed->error()) {
        m_banner->showMessage(Banner::Kind::Warning,
            tr("Prometheus at %1 does not answer: %2. The charts show the last data received and catch up when "
               "it answers again.")
                .arg(m_prometheus->baseUrl().toString(), error->message));
    } else if (m_banner->isVisible()) {
        m_banner->hide();
    }
    qint64 to = m_feed->windowEndMs();
    if (to <= 0)
        to = SystemClock::instance().now().toMSecsSinceEpoch();
    const qint64 from = to - m_feed->window();
    for (int i = 0; i < SliFeed::SliCount; ++i) {
        const auto sli = SliFeed::Sli(i);
        SliChart *chart = m_charts[i];
        chart->beginUpdate();
        const std::optional<double> threshold = m_feed->threshold(sli);
        // Qt Charts reads titles as rich text: "<=" would open a tag.
        const QString comparison
            = m_feed->comparison(sli) == u">=" ? QStringLiteral("\u2265") : QStringLiteral("\u2264");
        chart->setTitle(threshold ? tr("%1 (limit %2 %3)")
                                        .arg(m_feed->title(sli), comparison,
                                            AnalysisRuleModel::formatValue(*threshold, m_feed->unit(sli)))
                                        .toHtmlEscaped()
                                  : m_feed->title(sli).toHtmlEscaped());
        chart->setUnit(m_feed->unit(sli));
        chart->setLineName(SliChart::Line::New, tr("%1 (new)").arg(newVersion));
        chart->setLineName(SliChart::Line::Stable, tr("%1 (stable)").arg(stableVersion));
        chart->setTimeWindow(from, to);
        chart->setSeries(SliChart::Line::New, m_feed->points(sli, SliFeed::Line::New));
        chart->setSeries(SliChart::Line::Stable, m_feed->points(sli, SliFeed::Line::Stable));
        chart->setThreshold(threshold);
        chart->setBreaches(m_feed->breaches(sli));
        chart->endUpdate();
    }
}

} // namespace gl::ui
