#pragma once

#include "storage/database.h"

#include <QString>

#include <atomic>
#include <memory>
#include <optional>

class QThread;
class QObject;

namespace gl {

// PASSIVE checkpoints of one database's WAL on a thread of its own, through one connection that the thread opens
// once and keeps (docs/storage.md). A writer that turned off SQLite's automatic checkpoints
// (wal_autocheckpoint = 0, so that no commit of its own pays for copying pages and two more fsyncs) asks for one
// now and then; a passive checkpoint never blocks a writer or a reader.
class WalCheckpointer final {
public:
    WalCheckpointer(QString path, Schema schema);
    // Waits for a checkpoint in progress, then closes the connection on its thread.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Starts a checkpoint unless one is running; returns at once.
    void request();
    [[nodiscard]] bool busy() const { return m_busy.load(); }
    // Checkpoints done (successful or not) since construction.
    [[nodiscard]] int done() const { return m_done.load(); }

private:
    void run(); // on the thread

    QString m_path;
    Schema m_schema;
    std::unique_ptr<QThread> m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
    std::optional<Database> m_database; // used on m_thread only
    std::atomic<bool> m_busy {false};
    std::atomic<int> m_done {0};
};

} // namespace gl
