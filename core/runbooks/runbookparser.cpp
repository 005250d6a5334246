#include "runbookparser.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <yaml-cpp/yaml.h>

// The runbook format is described in docs/runbooks.md. In short:
//
//   ---
//   id: db-failover                 # required: [a-z0-9][a-z0-9._-]*, unique in the library
//   title: Fail over the database   # required
//   service: orders-db
//   owner: dba-oncall
//   language: en                    # en (default) or ko, ...
//   tags: [postgresql, failover]
//   rto: 15m                        # recovery time objective
//   rpo: 1m                         # recovery point objective
//   prerequisites:
//     - Access to the bastion
//   ---
//   Free Markdown (the summary).
//   ## Step title
//   Instructions, - [ ] checklist items, ```commands```.
//   Expected: 5m
//   Verify: how to tell it worked (may continue over following lines and code blocks)
//   Undo: how to take it back
namespace gl {
namespace {

// The translation context of this file's messages; lupdate reads it from Q_DECLARE_TR_FUNCTIONS.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::RunbookParser)
};

const QRegularExpression &labelPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(?:\\*\\*|__)?(expected duration|expected|duration|verification|verify|undo|rollback|"
                       "예상 소요 시간|예상 시간|소요 시간|예상|확인|검증|되돌리기|원복)(?:\\*\\*|__)?\\s*[:：]\\s*"
                       "(?:\\*\\*|__)?\\s*(.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

const QRegularExpression &checklistPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*[-*+]\\s+\\[[ xX]\\]\\s+(.+)$"));
    return pattern;
}

const QRegularExpression &fencePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^\\s{0,3}(`{3,}|~{3,})\\s*([^`\\s]*)"));
    return pattern;
}

enum class Field { None, Expected, Verify, Undo };

Field fieldFor(const QString &label)
{
    const QString l = label.toLower();
    if (l.startsWith(u"expected") || l == u"duration" || l.contains(u"시간") || l == u"예상")
        return Field::Expected;
    if (l.startsWith(u"verif") || l == u"확인" || l == u"검증")
        return Field::Verify;
    return Field::Undo;
}

class Parser {
public:
    explicit Parser(QString fileName)
        : m_file(std::move(fileName))
    { }

    Result<Runbook> parse(const QByteArray &content)
    {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder(content);
        if (decoder.hasError()) {
            addError(1, QStringLiteral("encoding"), Tr::tr("not valid UTF-8"));
            return finish();
        }
        if (text.startsWith(QChar(0xfeff)))
            text.remove(0, 1);
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        m_lines = text.split(u'\n');

        if (m_lines.isEmpty() || m_lines.first().trimmed() != u"---") {
            addError(1, QStringLiteral("front matter"),
                Tr::tr("missing: the file must start with a '---' line followed by YAML (id, title, ...) and a closing "
                       "'---' line"));
            return finish();
        }
        qsizetype close = -1;
        for (qsizetype i = 1; i < m_lines.size(); ++i) {
            const QString line = m_lines.at(i).trimmed();
            if (line == u"---" || line == u"...") {
                close = i;
                break;
            }
        }
        if (close < 0) {
            addError(1, QStringLiteral("front matter"), Tr::tr("not closed: add a '---' line after the YAML"));
            return finish();
        }
        readFrontMatter(m_lines.mid(1, close - 1).join(u'\n'), close + 1);
        readBody(int(close) + 1);
        return finish();
    }

private:
    Result<Runbook> finish()
    {
        if (!m_errors.isEmpty())
            return makeError(ErrorCode::Parse, m_errors.join(u'\n'), m_file);
        return m_runbook;
    }

    void addError(int line, const QString &field, const QString &problem)
    {
        m_errors << QStringLiteral("%1:%2: %3: %4").arg(m_file).arg(line).arg(field, problem);
    }

    // yaml-cpp marks are 0-based and relative to the front matter, which starts on file line 2.
    static int lineOf(const YAML::Mark &mark) { return mark.line >= 0 ? mark.line + 2 : 1; }

    void readFrontMatter(const QString &yaml, qsizetype closeLine)
    {
        YAML::Node root;
        try {
            root = YAML::Load(yaml.toStdString());
        } catch (const YAML::Exception &e) {
            addError(lineOf(e.mark), QStringLiteral("front matter"),
                Tr::tr("not valid YAML: %1").arg(QString::fromStdString(e.msg)));
            return;
        }
        if (!root.IsMap()) {
            addError(root.IsDefined() && !root.IsNull() ? lineOf(root.Mark()) : int(closeLine),
                QStringLiteral("front matter"), Tr::tr("expected a mapping of id, title, ..."));
            return;
        }
        static const QStringList allowed = {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("service"),
            QStringLiteral("owner"), QStringLiteral("language"), QStringLiteral("tags"), QStringLiteral("rto"),
            QStringLiteral("rpo"), QStringLiteral("prerequisites")};
        QSet<QString> seen;
        try {
            for (auto it = root.begin(); it != root.end(); ++it) {
                const QString key = QString::fromStdString(it->first.as<std::string>(std::string()));
                if (!allowed.contains(key))
                    addError(lineOf(it->first.Mark()), key,
                        Tr::tr("unknown key (expected one of: %1)").arg(allowed.join(u", ")));
                else if (seen.contains(key))
                    addError(lineOf(it->first.Mark()), key, Tr::tr("duplicate key"));
                seen.insert(key);
            }
            m_runbook.id = scalar(root, "id", int(closeLine), true);
            static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
            if (!m_runbook.id.isEmpty() && !idPattern.match(m_runbook.id).hasMatch())
                addError(lineOf(root["id"].Mark()), QStringLiteral("id"),
                    Tr::tr("use lowercase letters, digits, '.', '_' and '-' (got \"%1\")").arg(m_runbook.id));
            m_runbook.title = scalar(root, "title", int(closeLine), true);
            m_runbook.service = scalar(root, "service", int(closeLine), false);
            m_runbook.owner = scalar(root, "owner", int(closeLine), false);
            const QString language = scalar(root, "language", int(closeLine), false);
            if (!language.isEmpty())
                m_runbook.language = language;
            m_runbook.tags = list(root, "tags");
            for (QString &tag : m_runbook.tags)
                tag = tag.toLower();
            m_runbook.prerequisites = list(root, "prerequisites");
            m_runbook.rtoSeconds = duration(root, "rto");
            m_runbook.rpoSeconds = duration(root, "rpo");
        } catch (const YAML::Exception &e) {
            addError(lineOf(e.mark), QStringLiteral("front matter"),
                Tr::tr("unexpected YAML structure: %1").arg(QString::fromStdString(e.msg)));
        }
    }

    QString scalar(const YAML::Node &root, const char *key, int closeLine, bool required)
    {
        const YAML::Node node = root[key];
        const QString field = QString::fromLatin1(key);
        if (!node.IsDefined() || node.IsNull()) {
            if (required)
                addError(
                    node.IsDefined() ? lineOf(node.Mark()) : closeLine, field, Tr::tr("required field is missing"));
            return {};
        }
        if (!node.IsScalar()) {
            addError(lineOf(node.Mark()), field, Tr::tr("expected text"));
            return {};
        }
        const QString value = QString::fromStdString(node.Scalar()).trimmed();
        if (value.isEmpty() && required)
            addError(lineOf(node.Mark()), field, Tr::tr("must not be empty"));
        return value;
    }

    QStringList list(const YAML::Node &root, const char *key)
    {
        const YAML::Node node = root[key];
        const QString field = QString::fromLatin1(key);
        QStringList values;
        if (!node.IsDefined() || node.IsNull())
            return values;
        if (node.IsScalar()) { // "tags: a, b" is accepted as a comma-separated list
            for (const QString &part : QString::fromStdString(node.Scalar()).split(u',', Qt::SkipEmptyParts))
                values << part.trimmed();
            return values;
        }
        if (!node.IsSequence()) {
            addError(lineOf(node.Mark()), field, Tr::tr("expected a list"));
            return values;
        }
        for (std::size_t i = 0; i < node.size(); ++i) {
            const YAML::Node item = node[i];
            if (!item.IsScalar()) {
                addError(lineOf(item.Mark()), QStringLiteral("%1[%2]").arg(field).arg(i), Tr::tr("expected text"));
                continue;
            }
            const QString value = QString::fromStdString(item.Scalar()).trimmed();
            if (!value.isEmpty())
                values << value;
        }
        return values;
    }

    qint64 duration(const YAML::Node &root, const char *key)
    {
        const YAML::Node node = root[key];
        if (!node.IsDefined() || node.IsNull())
            return 0;
        const QString text = node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
        const std::optional<qint64> seconds = parseDuration(text);
        if (!seconds) {
            addError(lineOf(node.Mark()), QString::fromLatin1(key),
                Tr::tr("expected a duration such as 15m, 1h30m or 45s (got \"%1\")").arg(text));
            return 0;
        }
        return *seconds;
    }

    void readBody(int firstLine)
    {
        // Split into the summary and the steps at "## " headings outside code fences.
        QStringList summary;
        QList<std::pair<int, QStringList>> sections; // heading line index, lines after it
        QString fence;
        int fenceLine = 0;
        for (int i = firstLine; i < m_lines.size(); ++i) {
            const QString &line = m_lines.at(i);
            const bool wasInFence = !fence.isEmpty();
            if (updateFence(line, fence)) {
                if (!wasInFence)
                    fenceLine = i + 1;
                (sections.isEmpty() ? summary : sections.last().second) << line;
                continue;
            }
            if (fence.isEmpty() && line.startsWith(u"## ")) {
                sections.append(std::make_pair(i, QStringList()));
                continue;
            }
            (sections.isEmpty() ? summary : sections.last().second) << line;
        }
        if (!fence.isEmpty())
            addError(fenceLine, QStringLiteral("body"), Tr::tr("this code block is not closed"));
        m_runbook.summary = summary.join(u'\n').trimmed();
        m_runbook.body = m_lines.mid(firstLine).join(u'\n').trimmed();
        if (sections.isEmpty()) {
            addError(firstLine + 1, QStringLiteral("steps"),
                Tr::tr("no steps: write each step as a second-level heading (\"## Drain the node\")"));
            return;
        }
        for (qsizetype s = 0; s < sections.size(); ++s)
            readStep(int(s) + 1, sections.at(s).first, sections.at(s).second);
    }

    // Tracks ``` / ~~~ fences; returns true when `line` opens or closes one (or is inside one).
    static bool updateFence(const QString &line, QString &fence)
    {
        const QRegularExpressionMatch match = fencePattern().match(line);
        if (fence.isEmpty()) {
            if (match.hasMatch()) {
                fence = match.captured(1);
                return true;
            }
            return false;
        }
        if (match.hasMatch() && match.captured(1).startsWith(fence.at(0)) && match.captured(1).size() >= fence.size()
            && match.captured(2).isEmpty())
            fence.clear();
        return true;
    }

    void readStep(int number, int headingIndex, const QStringList &lines)
    {
        RunbookStep step;
        step.line = headingIndex + 1;
        step.title = m_lines.at(headingIndex).mid(3).trimmed();
        step.markdown = lines.join(u'\n').trimmed();
        const QString prefix = QStringLiteral("step %1").arg(number);
        if (step.title.isEmpty())
            addError(step.line, prefix + u".title", Tr::tr("the heading has no text"));

        QStringList parts[3]; // instructions, verify, undo
        int current = 0;
        bool expectedSeen = false;
        QString fence;
        RunbookCommand command;
        QStringList code;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString &line = lines.at(i);
            const int fileLine = headingIndex + 2 + int(i);
            const bool wasInFence = !fence.isEmpty();
            if (updateFence(line, fence)) {
                parts[current] << line;
                if (!wasInFence) {
                    command = RunbookCommand {};
                    command.language = fencePattern().match(line).captured(2);
                    command.section = RunbookCommand::Section(current);
                    command.line = fileLine;
                    code.clear();
                } else if (fence.isEmpty()) {
                    command.code = code.join(u'\n');
                    if (!command.code.trimmed().isEmpty())
                        step.commands << command;
                } else {
                    code << line;
                }
                continue;
            }
            const QRegularExpressionMatch label = labelPattern().match(line);
            if (label.hasMatch()) {
                const QString value = label.captured(2).trimmed();
                switch (fieldFor(label.captured(1))) {
                case Field::Expected: {
                    if (expectedSeen)
                        addError(fileLine, prefix + u".expected", Tr::tr("given twice"));
                    expectedSeen = true;
                    QString durationText = value;
                    durationText.remove(QStringLiteral("**"));
                    const std::optional<qint64> seconds = parseDuration(durationText);
                    if (!seconds || *seconds <= 0)
                        addError(fileLine, prefix + u".expected",
                            Tr::tr("expected a duration such as 5m or 90s (got \"%1\")").arg(value));
                    else
                        step.expectedSeconds = *seconds;
                    continue;
                }
                case Field::Verify:
                    current = 1;
                    break;
                case Field::Undo:
                    current = 2;
                    break;
                case Field::None:
                    break;
                }
                if (!value.isEmpty())
                    parts[current] << value;
                continue;
            }
            const QRegularExpressionMatch item = checklistPattern().match(line);
            if (item.hasMatch())
                step.checklist << item.captured(1).trimmed();
            parts[current] << line;
        }
        step.instructions = parts[0].join(u'\n').trimmed();
        step.verify = parts[1].join(u'\n').trimmed();
        step.undo = parts[2].join(u'\n').trimmed();
        if (!expectedSeen)
            addError(step.line, prefix + u".expected", Tr::tr("missing: add a line such as \"Expected: 5m\""));
        if (step.verify.isEmpty())
            addError(step.line, prefix + u".verify",
                Tr::tr("missing: add a \"Verify:\" paragraph saying how to tell the step worked"));
        if (step.undo.isEmpty())
            addError(step.line, prefix + u".undo",
                Tr::tr("missing: add an \"Undo:\" paragraph (write \"Undo: nothing to undo\" for a read-only step)"));
        m_runbook.steps << step;
    }

    QString m_file;
    QStringList m_lines;
    QStringList m_errors;
    Runbook m_runbook;
};

} // namespace

Result<Runbook> parseRunbook(const QByteArray &content, const QString &fileName)
{
    return Parser(fileName).parse(content);
}

std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression part(
        QStringLiteral("\\s*(\\d+)\\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s|시간|분|초)"),
        QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = text.trimmed();
    if (trimmed == u"0")
        return 0;
    if (trimmed.isEmpty())
        return std::nullopt;
    qint64 total = 0;
    qsizetype pos = 0;
    while (pos < trimmed.size()) {
        const QRegularExpressionMatch match
            = part.match(trimmed, pos, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return std::nullopt;
        const qint64 n = match.captured(1).toLongLong();
        const QString unit = match.captured(2).toLower();
        if (unit.startsWith(u'h') || unit == u"시간")
            total += n * 3600;
        else if (unit.startsWith(u'm') || unit == u"분")
            total += n * 60;
        else
            total += n;
        pos = match.capturedEnd();
        while (pos < trimmed.size() && trimmed.at(pos).isSpace())
            ++pos;
    }
    return total;
}

} // namespace gl
