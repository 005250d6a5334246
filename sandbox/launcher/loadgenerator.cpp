#include "loadgenerator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QTimer>

namespace gl::sandbox {
namespace {

constexpr int kManagers = 16; // 16 x 6 connections
constexpr qint64 kMaxInFlight = 90; // below 16 x 6, so nothing queues inside QNAM
constexpr int kRequestTimeoutMs = 10000;

QJsonObject toJson(const QMap<QString, qint64> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

LoadGenerator::LoadGenerator(QString dir, quint16 port, double rps, qint64 maxSeconds, QObject *parent)
    : QObject(parent)
    , m_dir(std::move(dir))
    , m_port(port)
    , m_rps(rps)
    , m_maxSeconds(maxSeconds)
{
    for (int i = 0; i < kManagers; ++i) {
        auto *manager = new QNetworkAccessManager(this);
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        connect(manager, &QNetworkAccessManager::finished, this, &LoadGenerator::onFinished);
        m_managers << manager;
    }
    m_tickTimer = new QTimer(this);
    m_tickTimer->setTimerType(Qt::PreciseTimer);
    m_tickTimer->setInterval(5);
    connect(m_tickTimer, &QTimer::timeout, this, &LoadGenerator::tick);
    m_writeTimer = new QTimer(this);
    m_writeTimer->setInterval(250);
    connect(m_writeTimer, &QTimer::timeout, this, [this] {
        if (!QFileInfo::exists(m_dir + QStringLiteral("/sandbox.json")) || m_clock.elapsed() / 1000 >= m_maxSeconds) {
            stop();
            return;
        }
        if (m_dirty)
            writeCounts();
    });
}

void LoadGenerator::start()
{
    m_startedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    m_clock.start();
    m_tickTimer->start();
    m_writeTimer->start();
    writeCounts();
}

void LoadGenerator::tick()
{
    // Send what is due by now (a steady rate independent of timer jitter and of how long answers take).
    const qint64 due = qint64(m_clock.elapsed() * m_rps / 1000.0);
    while (m_sent < due && !m_stopping) {
        ++m_sent;
        if (m_inFlight >= kMaxInFlight) {
            ++m_skipped;
            m_dirty = true;
            continue;
        }
        send();
    }
}

void LoadGenerator::send()
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_port)));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(kRequestTimeoutMs);
    request.setRawHeader("User-Agent", "greenlight-sandbox-loadgen");
    ++m_inFlight;
    m_managers.at(m_nextManager)->get(request);
    m_nextManager = (m_nextManager + 1) % m_managers.size();
}

void LoadGenerator::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    --m_inFlight;
    ++m_total;
    m_dirty = true;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        // No HTTP answer at all: refused, reset, closed or timed out.
        if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
            ++m_timeouts;
        else
            ++m_connectionErrors;
        ++m_errorKinds[QString::fromLatin1(
            QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(reply->error()))];
    } else {
        const QString status = QString::number(statusAttribute.toInt());
        ++m_byStatus[status];
        QString version = QString::fromUtf8(reply->rawHeader("X-Version"));
        if (version.isEmpty()) {
            // HAProxy answered by itself (503 no server available, 502, 504): no service version.
            version = QStringLiteral("none");
            if (statusAttribute.toInt() == 503)
                ++m_haproxy503;
        }
        ++m_byVersion[version];
        ++m_byVersionStatus[version][status];
    }
    if (m_stopping && m_inFlight == 0) {
        writeCounts();
        Q_EMIT finished();
    }
}

void LoadGenerator::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_tickTimer->stop();
    m_writeTimer->stop();
    if (m_inFlight == 0) {
        writeCounts();
        QTimer::singleShot(0, this, &LoadGenerator::finished);
        return;
    }
    // Bounded wait for the answers still on their way.
    QTimer::singleShot(3000, this, [this] {
        writeCounts();
        Q_EMIT finished();
    });
}

void LoadGenerator::writeCounts()
{
    QJsonObject byVersionStatus;
    for (auto it = m_byVersionStatus.cbegin(); it != m_byVersionStatus.cend(); ++it)
        byVersionStatus.insert(it.key(), toJson(it.value()));
    const QJsonObject object {
        {QStringLiteral("startedAt"), m_startedAt},
        {QStringLiteral("updatedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("elapsedMs"), m_clock.elapsed()},
        {QStringLiteral("rps"), m_rps},
        {QStringLiteral("running"), !m_stopping},
        {QStringLiteral("sent"), m_sent - m_skipped},
        {QStringLiteral("total"), m_total},
        {QStringLiteral("inFlight"), m_inFlight},
        {QStringLiteral("skipped"), m_skipped},
        {QStringLiteral("byVersion"), toJson(m_byVersion)},
        {QStringLiteral("byStatus"), toJson(m_byStatus)},
        {QStringLiteral("byVersionStatus"), byVersionStatus},
        {QStringLiteral("connectionErrors"), m_connectionErrors},
        {QStringLiteral("timeouts"), m_timeouts},
        {QStringLiteral("haproxy503"), m_haproxy503},
        {QStringLiteral("errorKinds"), toJson(m_errorKinds)},
        // Requests no service answered: refused or reset connections, timeouts, and HAProxy's own 5xx answers.
        {QStringLiteral("lost"), m_connectionErrors + m_timeouts + m_byVersion.value(QStringLiteral("none"))},
    };
    QSaveFile file(m_dir + QStringLiteral("/loadgen.json"));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
        if (file.commit())
            m_dirty = false;
    }
}

} // namespace gl::sandbox
