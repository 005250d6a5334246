#pragma once

#include <QObject>

class QSocketNotifier;

namespace gl::sandbox {

// Turns SIGTERM, SIGINT and SIGHUP into a Qt signal on the main thread (self-pipe trick), so that a sandbox
// process can finish its work (answer in-flight requests, write its last counts) before it exits.
class UnixSignalWatcher final : public QObject {
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace gl::sandbox
