#pragma once

#include "runbooks/runbooklibrary.h"
#include "util/result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>

class QThread;

namespace gl {

// Syncs the runbook library of a profile on a worker thread (a sync reads and hashes every file and may parse
// thousands: seconds of disk and CPU work that must not freeze the console). The worker opens its own
// connection to the profile database (one named connection per thread, WAL, so the GUI thread keeps reading
// the library meanwhile) and runs RunbookLibrary::syncConfigured(extra).
//
// A job object: start() once; progress() while it runs, then exactly one finished(). Deleting the job while it
// runs cancels the sync (nothing of it is kept) and waits for the worker.
class RunbookSyncJob final : public QObject {
    Q_OBJECT
public:
    RunbookSyncJob(QString profilePath, QStringList extraFolders, QObject *parent = nullptr);
    ~RunbookSyncJob() override;

    void start();
    void cancel() { m_cancel = true; }
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }

signals:
    // Files done of the total (reported at most every few milliseconds).
    void progress(int done, int total);
    void finished(const gl::Result<gl::SyncReport> &report);

private:
    QString m_profilePath;
    QStringList m_extra;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel = false;
};

} // namespace gl
