#include "walcheckpointer.h"

#include "util/logging.h"

#include <QObject>
#include <QThread>

#include <utility>

namespace gl {

WalCheckpointer::WalCheckpointer(QString path, Schema schema)
    : m_path(std::move(path))
    , m_schema(std::move(schema))
    , m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName(QStringLiteral("gl-checkpoint"));
    m_worker = new QObject;
    m_worker->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

WalCheckpointer::~WalCheckpointer()
{
    // The connection belongs to the thread: closed there, after any checkpoint in progress (queued before).
    QMetaObject::invokeMethod(
        m_worker, [this] { m_database.reset(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void WalCheckpointer::request()
{
    if (m_busy.exchange(true))
        return;
    QMetaObject::invokeMethod(
        m_worker, [this] { run(); }, Qt::QueuedConnection);
}

void WalCheckpointer::run()
{
    if (!m_database) {
        Result<Database> opened = Database::open(m_path, m_schema, Durability::Full);
        if (opened) {
            m_database = std::move(opened).value();
            if (const Result<QSqlQuery> wait = m_database->exec(QStringLiteral("PRAGMA busy_timeout = 1000")); !wait)
                qCDebug(lcStorage) << "checkpoint connection:" << wait.error().toString();
        } else {
            qCDebug(lcStorage) << "checkpoint connection not opened:" << opened.error().toString();
        }
    }
    if (m_database) {
        // A checkpoint through a connection whose files were detached would copy a dead WAL: check first.
        if (const Status files = m_database->verifyFiles(); !files)
            qCDebug(lcStorage) << "checkpoint skipped:" << files.error().detail;
        else if (const Result<QSqlQuery> done = m_database->exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
                 !done)
            qCDebug(lcStorage) << "checkpoint failed:" << done.error().toString();
    }
    ++m_done;
    m_busy = false;
}

} // namespace gl
