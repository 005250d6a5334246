#pragma once

#include "runbooks/runbook.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace gl {

// Parses a runbook file: YAML front matter between "---" lines, then Markdown whose second-level headings
// ("## ") are the steps. Inside a step, labelled lines start fields ("Expected: 10m", "Verify:", "Undo:";
// Korean labels "예상 시간:", "확인:", "되돌리기:" as well), "- [ ] item" lines are checklist items and fenced
// code blocks are commands. On failure the error message holds one line per problem, each
// "FILE:LINE: field: problem", with `fileName` as FILE.
[[nodiscard]] Result<Runbook> parseRunbook(const QByteArray &content, const QString &fileName);

// "90s", "5m", "1h30m", "1h 30m", "2 min", "10분", "1시간 30분"; std::nullopt when not a duration.
[[nodiscard]] std::optional<qint64> parseDuration(const QString &text);

} // namespace gl
