#include "hookrunner.h"

#include "util/logging.h"

#include <QCoreApplication>

namespace gl {

HookRunner::HookRunner(QString commandTemplate, QHash<QString, QString> placeholders, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_template(std::move(commandTemplate))
    , m_values(std::move(placeholders))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(timeoutMs);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        m_process.kill();
    });
    connect(&m_process, &QProcess::readyRead, this, [this] {
        m_output += m_process.readAll();
        if (m_output.size() > 64 * 1024)
            m_output = m_output.right(32 * 1024);
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(makeError(ErrorCode::Unavailable,
                QCoreApplication::translate("gl::HookRunner", "The hook could not start: %1").arg(m_commandLine),
                m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        m_output += m_process.readAll();
        if (m_timedOut)
            finish(makeError(ErrorCode::Timeout,
                QCoreApplication::translate("gl::HookRunner", "The hook did not finish within %1 s and was stopped: %2")
                    .arg(m_timer.interval() / 1000.0)
                    .arg(m_commandLine),
                outputTail()));
        else if (status != QProcess::NormalExit || exitCode != 0)
            finish(makeError(ErrorCode::Refused,
                QCoreApplication::translate("gl::HookRunner", "The hook failed (exit code %1): %2")
                    .arg(status == QProcess::NormalExit ? exitCode : -1)
                    .arg(outputTail()),
                m_commandLine));
        else
            finish(outputTail());
    });
}

HookRunner::~HookRunner()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

Result<QStringList> HookRunner::expand(const QString &commandTemplate, const QHash<QString, QString> &values)
{
    QStringList words = QProcess::splitCommand(commandTemplate);
    if (words.isEmpty())
        return makeError(
            ErrorCode::InvalidArgument, QCoreApplication::translate("gl::HookRunner", "The hook is empty."));
    for (QString &word : words) {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            word.replace(u'{' + it.key() + u'}', it.value());
    }
    return words;
}

void HookRunner::start()
{
    const Result<QStringList> words = expand(m_template, m_values);
    if (!words) {
        QMetaObject::invokeMethod(
            this, [this, error = words.error()] { finish(error); }, Qt::QueuedConnection);
        return;
    }
    m_commandLine = words->join(u' ');
    qCInfo(lcEngine) << "hook:" << m_commandLine;
    m_timer.start();
    m_process.start(words->first(), words->mid(1));
}

QString HookRunner::outputTail() const
{
    const QStringList lines = QString::fromUtf8(m_output).trimmed().split(u'\n');
    return lines.mid(std::max<qsizetype>(0, lines.size() - 5)).join(u" | ");
}

void HookRunner::finish(Result<QString> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    emit finished(result);
}

} // namespace gl
