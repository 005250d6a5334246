#include "sandboxfixture.h"

#include "model/environmentfile.h"
#include "testpaths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QTimer>

#include <cmath>
#include <limits>

namespace gl::test {

SandboxFixture::SandboxFixture()
{
    m_dir.setAutoRemove(true);
}

SandboxFixture::~SandboxFixture()
{
    if (m_upProcess) {
        m_upProcess->waitForFinished(60000);
        delete m_upProcess;
    }
    if (m_upRan && !m_down && QFile::exists(m_dir.filePath(QStringLiteral("sandbox.json"))))
        down();
}

QString SandboxFixture::launcherPath()
{
    return builtExecutable(QStringLiteral("greenlight-sandbox"));
}

void SandboxFixture::startUp(const QStringList &upArguments)
{
    m_upRan = true;
    m_upProcess = new QProcess;
    m_upProcess->setProgram(launcherPath());
    m_upProcess->setArguments(QStringList {QStringLiteral("up"), QStringLiteral("--dir"), dir()} + upArguments);
    m_upProcess->start();
}

bool SandboxFixture::finishUp(QString *error)
{
    if (!m_upProcess->waitForFinished(90000)) {
        *error = QStringLiteral("greenlight-sandbox up did not finish in 90 s");
        return false;
    }
    const QByteArray out = m_upProcess->readAllStandardOutput();
    const QByteArray err = m_upProcess->readAllStandardError();
    const int code = m_upProcess->exitStatus() == QProcess::NormalExit ? m_upProcess->exitCode() : -1;
    delete m_upProcess;
    m_upProcess = nullptr;
    if (code != 0) {
        *error = QStringLiteral("greenlight-sandbox up exited %1: %2 %3")
                     .arg(code)
                     .arg(QString::fromUtf8(out), QString::fromUtf8(err));
        return false;
    }
    qInfo("%s", out.trimmed().constData());
    return readPorts(error);
}

bool SandboxFixture::up(const QStringList &upArguments, QString *error)
{
    if (launcherPath().isEmpty()) {
        *error = QStringLiteral("greenlight-sandbox is not built under %1").arg(binaryDir());
        return false;
    }
    startUp(upArguments);
    return finishUp(error);
}

bool SandboxFixture::readPorts(QString *error)
{
    const QJsonObject status = statusJson();
    const QUrl frontend(status.value(u"frontend").toString());
    m_frontendPort = quint16(frontend.port());
    const Environment env = environment();
    m_prometheusPort = quint16(env.prometheusUrl.port());
    if (m_frontendPort == 0 || m_prometheusPort == 0) {
        *error = QStringLiteral("cannot read the sandbox's ports (status: %1)")
                     .arg(QString::fromUtf8(QJsonDocument(status).toJson(QJsonDocument::Compact)));
        return false;
    }
    return true;
}

int SandboxFixture::run(
    const QString &command, const QStringList &arguments, QByteArray *out, QByteArray *err, int timeoutMs)
{
    QProcess process;
    process.start(launcherPath(), QStringList {command, QStringLiteral("--dir"), dir()} + arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return -1;
    }
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

int SandboxFixture::down(QByteArray *out, QByteArray *err)
{
    QByteArray stderrText;
    const int code = run(QStringLiteral("down"), {}, out, &stderrText);
    if (err)
        *err = stderrText;
    if (code == 0)
        m_down = true;
    else
        qWarning("greenlight-sandbox down exited %d: %s", code, stderrText.constData());
    return code;
}

Environment SandboxFixture::environment() const
{
    const Result<Environment> env = loadEnvironmentFile(environmentFile());
    if (!env.ok()) {
        qWarning("%s", qPrintable(env.error().message));
        return {};
    }
    return env.value();
}

QJsonObject SandboxFixture::statusJson()
{
    QByteArray out;
    run(QStringLiteral("status"), {QStringLiteral("--json")}, &out);
    return QJsonDocument::fromJson(out).object();
}

QJsonObject SandboxFixture::statsJson()
{
    QByteArray out;
    run(QStringLiteral("stats"), {QStringLiteral("--json")}, &out);
    return QJsonDocument::fromJson(out).object();
}

QList<qint64> SandboxFixture::livePids() const
{
    QList<qint64> result;
    const QString under = QDir::cleanPath(dir()) + u'/';
    const QString exact = QDir::cleanPath(dir());
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray statText = stat.readAll();
        const qsizetype close = statText.lastIndexOf(')');
        if (close > 0 && close + 2 < statText.size()
            && (statText.at(close + 2) == 'Z' || statText.at(close + 2) == 'X'))
            continue; // a zombie is not running (its parent, init here, may be slow to reap it)
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &arg : cmdline.readAll().split('\0')) {
            const QString text = QString::fromLocal8Bit(arg);
            if (text == exact || text.contains(under)) {
                result << pid;
                break;
            }
        }
    }
    return result;
}

HttpAnswer httpGet(quint16 port, const QString &pathAndQuery, int timeoutMs)
{
    HttpAnswer answer;
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(pathAndQuery)));
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply *reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit);
    loop.exec();
    if (reply->isFinished()) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.version = QString::fromUtf8(reply->rawHeader("X-Version"));
    }
    reply->abort();
    delete reply;
    return answer;
}

QMap<QString, int> versionsOf(quint16 port, int requests)
{
    QMap<QString, int> counts;
    for (int i = 0; i < requests; ++i) {
        const HttpAnswer answer = httpGet(port, QStringLiteral("/"));
        ++counts[answer.status == 0 ? QStringLiteral("error") : answer.version];
    }
    return counts;
}

QByteArray runtimeCommand(const QString &socketPath, const QByteArray &command, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(socketPath);
    if (!socket.waitForConnected(timeoutMs))
        return "cannot connect: " + socket.errorString().toUtf8();
    socket.write(command + '\n');
    socket.flush();
    QByteArray reply;
    const QDeadlineTimer deadline(timeoutMs);
    while (socket.state() == QLocalSocket::ConnectedState && !deadline.hasExpired()) {
        if (socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            reply += socket.readAll();
    }
    reply += socket.readAll();
    return reply.trimmed();
}

QJsonArray prometheusQuery(quint16 port, const QString &promql)
{
    // Fully percent-encoded: a bare '+' would reach Prometheus as a space.
    const HttpAnswer answer
        = httpGet(port, QStringLiteral("/api/v1/query?query=") + QString::fromLatin1(QUrl::toPercentEncoding(promql)));
    if (answer.status != 200)
        return {};
    return QJsonDocument::fromJson(answer.body).object().value(u"data").toObject().value(u"result").toArray();
}

double seriesValue(const QJsonArray &result, const QString &label, const QString &value)
{
    for (const QJsonValue &series : result) {
        const QJsonObject object = series.toObject();
        if (object.value(u"metric").toObject().value(label).toString() == value) {
            bool ok = false;
            const double number = object.value(u"value").toArray().at(1).toString().toDouble(&ok);
            return ok ? number : std::numeric_limits<double>::quiet_NaN();
        }
    }
    return std::numeric_limits<double>::quiet_NaN();
}

QStringList listeningAddresses(qint64 pid)
{
    // Socket inodes the process holds, then the LISTEN (state 0A) rows of /proc/net/tcp{,6} with those inodes.
    QSet<QByteArray> inodes;
    const QDir fdDir(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString &fd : fdDir.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = QFile::symLinkTarget(fdDir.filePath(fd));
        if (target.contains(u"socket:["))
            inodes.insert(target.section(u'[', 1).section(u']', 0, 0).toUtf8());
    }
    QStringList result;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> cells = lines.at(i).simplified().split(' ');
            if (cells.size() > 9 && cells.at(3) == "0A" && inodes.contains(cells.at(9)))
                result << QString::fromLatin1(cells.at(1));
        }
    }
    return result;
}

} // namespace gl::test
