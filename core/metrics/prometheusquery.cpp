#include "prometheusquery.h"

#include "metrics/prometheusparsers.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace gl {

PrometheusQuery::PrometheusQuery(
    QNetworkAccessManager *network, QUrl url, QByteArray form, QString promql, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_url(std::move(url))
    , m_form(std::move(form))
    , m_promql(std::move(promql))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PrometheusQuery::onTimeout);
}

PrometheusQuery::~PrometheusQuery()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void PrometheusQuery::start()
{
    if (m_started)
        return;
    m_started = true;
    m_elapsed.start();
    if (!m_network) {
        QTimer::singleShot(0, this, [this] {
            finish(makeError(ErrorCode::Unavailable, tr("Cannot query Prometheus: the network is not available."),
                QStringLiteral("no network manager")));
        });
        return;
    }
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    m_reply = m_network->post(request, m_form);
    connect(m_reply, &QNetworkReply::finished, this, &PrometheusQuery::onReplyFinished);
    m_timer.start(m_timeoutMs);
}

void PrometheusQuery::abort()
{
    if (m_finished)
        return;
    if (!m_started) {
        m_started = true;
        m_elapsed.start();
        QTimer::singleShot(
            0, this, [this] { finish(makeError(ErrorCode::Cancelled, tr("The Prometheus query was cancelled."))); });
        return;
    }
    finish(makeError(ErrorCode::Cancelled, tr("The Prometheus query was cancelled.")));
}

void PrometheusQuery::onTimeout()
{
    finish(makeError(ErrorCode::Timeout,
        tr("Prometheus did not answer within %1 ms (%2).").arg(m_timeoutMs).arg(m_url.toDisplayString()), m_promql));
}

void PrometheusQuery::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    const QString where = m_url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);

    if (status == 0) {
        // No HTTP answer at all.
        const bool unreachable = error == QNetworkReply::ConnectionRefusedError
            || error == QNetworkReply::HostNotFoundError || error == QNetworkReply::RemoteHostClosedError
            || error == QNetworkReply::NetworkSessionFailedError || error == QNetworkReply::UnknownNetworkError;
        finish(makeError(unreachable ? ErrorCode::Unreachable : ErrorCode::Protocol,
            tr("Prometheus is unreachable at %1: %2").arg(where, reply->errorString()), m_promql));
        return;
    }
    // Prometheus answers errors with its JSON envelope and 400, 422 or 503; anything that parses wins.
    Result<PrometheusResult> parsed = parsePrometheusResponse(body);
    if (!parsed.ok() && parsed.error().code == ErrorCode::Protocol && status != 200) {
        finish(makeError(status == 503 ? ErrorCode::Unavailable : ErrorCode::Protocol,
            tr("Prometheus at %1 answered HTTP %2 without its API's JSON (is the URL right?).").arg(where).arg(status),
            QString::fromUtf8(body.left(200))));
        return;
    }
    if (!parsed.ok()) {
        Error e = parsed.error();
        e.detail = e.detail.isEmpty() ? m_promql : e.detail + u"; " + m_promql;
        finish(e);
        return;
    }
    finish(std::move(parsed));
}

void PrometheusQuery::finish(Result<PrometheusResult> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    m_elapsedMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
    if (!result.ok())
        qCDebug(lcPrometheus) << "query failed after" << m_elapsedMs << "ms:" << result.error().toString();
    else
        qCDebug(lcPrometheus) << "query answered in" << m_elapsedMs << "ms," << result->series.size() << "series";
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace gl
