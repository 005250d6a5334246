#include "runbooksyncjob.h"

#include "storage/profilestore.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace gl {

RunbookSyncJob::RunbookSyncJob(QString profilePath, QStringList extraFolders, QObject *parent)
    : QObject(parent)
    , m_profilePath(std::move(profilePath))
    , m_extra(std::move(extraFolders))
{ }

RunbookSyncJob::~RunbookSyncJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void RunbookSyncJob::start()
{
    if (m_thread)
        return;
    QPointer<RunbookSyncJob> self(this);
    const QString path = m_profilePath;
    const QStringList extra = m_extra;
    std::atomic<bool> *cancel = &m_cancel; // the destructor waits for the worker, so this outlives it
    m_thread = QThread::create([self, path, extra, cancel] {
        auto result = std::make_shared<Result<SyncReport>>(makeError(ErrorCode::Unknown, QString()));
        {
            // This thread's own connection, closed before the result is handed over.
            Result<ProfileStore> store = ProfileStore::open(path);
            if (!store) {
                *result = store.error();
            } else {
                RunbookLibrary library(store->database());
                QElapsedTimer sinceReport;
                sinceReport.start();
                *result = library.syncConfigured(extra, [&](int done, int total) {
                    if (*cancel)
                        return false;
                    if (done == total || sinceReport.elapsed() >= 50) {
                        sinceReport.restart();
                        QMetaObject::invokeMethod(
                            self, [self, done, total] { emit self->progress(done, total); }, Qt::QueuedConnection);
                    }
                    return true;
                });
            }
        }
        QMetaObject::invokeMethod(
            self,
            [self, result] {
                if (!self || !self->m_thread)
                    return;
                self->m_thread->wait();
                self->m_thread->deleteLater();
                self->m_thread = nullptr;
                emit self->finished(*result);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("runbook-sync"));
    m_thread->start();
}

} // namespace gl
