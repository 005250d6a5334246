#pragma once

#include "engine/rolloutstore.h"
#include "model/environment.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QStackedWidget;

namespace gl {
class PrometheusClient;
class SliFeed;
} // namespace gl

namespace gl::ui {

class Banner;
class EmptyState;
class SliChart;

// The live SLI charts of a rollout: error ratio, p99 latency and throughput of the new version against the
// stable one, with the analysis thresholds and their breaches, over a window of 5 min, 15 min, 1 h or 6 h,
// updated every second from the environment's Prometheus (SliFeed; never blocks the GUI thread). Without a
// rollout it shows an empty state; when Prometheus does not answer, an inline banner (the last data stay).
class SliChartsView final : public QWidget {
    Q_OBJECT
public:
    explicit SliChartsView(QNetworkAccessManager &network, QWidget *parent = nullptr);
    ~SliChartsView() override;

    void setEnvironment(const gl::Environment &environment);
    void setRollout(const std::optional<gl::RolloutRecord> &rollout);

    // The feed behind the charts (null without a rollout); for tests.
    [[nodiscard]] gl::SliFeed *feed() const { return m_feed.get(); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuildFeed();
    void render();
    void onWindowChanged();

    QNetworkAccessManager &m_network;
    std::optional<Environment> m_environment;
    std::optional<RolloutRecord> m_rollout;
    std::unique_ptr<PrometheusClient> m_prometheus;
    std::unique_ptr<SliFeed> m_feed;

    Banner *m_banner;
    QLabel *m_windowLabel;
    QComboBox *m_window;
    QLabel *m_versions;
    QStackedWidget *m_stack;
    EmptyState *m_empty;
    QWidget *m_chartsPage;
    SliChart *m_charts[3];
};

} // namespace gl::ui
