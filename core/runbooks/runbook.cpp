#include "runbook.h"

namespace gl {

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return u'-' + formatDuration(-seconds);
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds % 3600) / 60;
    const qint64 s = seconds % 60;
    QStringList parts;
    if (h)
        parts << QStringLiteral("%1h").arg(h);
    if (m)
        parts << QStringLiteral("%1m").arg(m);
    if (s || parts.isEmpty())
        parts << QStringLiteral("%1s").arg(s);
    return parts.join(u' ');
}

} // namespace gl
