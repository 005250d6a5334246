#pragma once

class QCoreApplication;

namespace gl::ui {

// Parses the console's command line (--help, --version, --env FILE), applies language and theme from
// the settings, shows the main window and runs the event loop. --help and --version are answered without
// a display (on a QCoreApplication).
int runConsole(int argc, char *argv[]);
int runConsole(QCoreApplication &app);

} // namespace gl::ui
