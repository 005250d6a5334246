#pragma once

#include "util/result.h"

#include <QString>

namespace gl::ui {

// Renders a drill report (Markdown, see gl::drillReportMarkdown) to an A4 landscape PDF (the step table needs the
// width) with Qt's own Markdown support (QTextDocument) and PDF writer (QPdfWriter).
[[nodiscard]] Status writeDrillPdf(const QString &markdown, const QString &pdfPath, const QString &title);

} // namespace gl::ui
