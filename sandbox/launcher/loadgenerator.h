#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace gl::sandbox {

// The sandbox's background load: R requests per second to the HAProxy frontend, every outcome counted
// (by version, by HTTP status, connection errors, timeouts, HAProxy's own 503s) and written to
// DIR/loadgen.json atomically several times a second and when it stops. `greenlight-sandbox stats` reads it.
// Stops by itself when DIR/sandbox.json disappears or after `maxSeconds`.
class LoadGenerator final : public QObject {
    Q_OBJECT
public:
    LoadGenerator(QString dir, quint16 port, double rps, qint64 maxSeconds, QObject *parent = nullptr);

    void start();
    // Stops sending, waits (bounded) for in-flight requests, writes the final counts, emits finished().
    void stop();

Q_SIGNALS:
    void finished();

private:
    void tick();
    void send();
    void onFinished(QNetworkReply *reply);
    void writeCounts();

    QString m_dir;
    quint16 m_port;
    double m_rps;
    qint64 m_maxSeconds;
    QList<QNetworkAccessManager *> m_managers; // several pools: QNAM allows 6 connections per host each
    int m_nextManager = 0;
    QTimer *m_tickTimer = nullptr;
    QTimer *m_writeTimer = nullptr;
    QElapsedTimer m_clock;
    bool m_stopping = false;
    bool m_dirty = true;

    qint64 m_sent = 0;
    qint64 m_total = 0; // completed
    qint64 m_inFlight = 0;
    qint64 m_skipped = 0; // not sent because too many were in flight
    qint64 m_connectionErrors = 0;
    qint64 m_timeouts = 0;
    qint64 m_haproxy503 = 0;
    QMap<QString, qint64> m_byVersion;
    QMap<QString, qint64> m_byStatus;
    QMap<QString, QMap<QString, qint64>> m_byVersionStatus;
    QMap<QString, qint64> m_errorKinds;
    QString m_startedAt;
};

} // namespace gl::sandbox
