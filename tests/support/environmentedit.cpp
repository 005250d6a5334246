#include "environmentedit.h"

#include <QFile>

namespace gl::test {

bool replaceEnvironmentSection(const QString &envFile, const QString &key, const QString &section)
{
    QFile file(envFile);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    const qsizetype begin = text.indexOf(u'\n' + key + u":\n");
    if (begin < 0)
        return false;
    // The section ends before the next line that does not start with white space (the next top-level key).
    qsizetype end = begin + 1;
    while (true) {
        end = text.indexOf(u'\n', end);
        if (end < 0 || end + 1 >= text.size()) {
            end = text.size();
            break;
        }
        ++end;
        if (!text.at(end).isSpace())
            break;
    }
    text.replace(begin + 1, end - begin - 1, section);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(text.toUtf8()) > 0;
}

} // namespace gl::test
