#pragma once

#include "runbooks/drill.h"

#include <QString>

namespace gl {

// The drill report as Markdown (GitHub dialect, with tables): setup, measured RTO/RPO against the targets,
// the step table, deviations and the timeline. The GUI renders the same text to PDF; greenlightctl prints it.
[[nodiscard]] QString drillReportMarkdown(const Drill &drill);

// "T+01:02:03" for a drill clock reading.
[[nodiscard]] QString formatDrillClock(qint64 ms);

} // namespace gl
