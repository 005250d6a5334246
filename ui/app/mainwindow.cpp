#include "mainwindow.h"

#include "model/environmentfile.h"
#include "util/settings.h"

namespace gl::ui {

MainWindow::MainWindow(Settings &settings, QWidget *parent) : QMainWindow(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
}

bool MainWindow::openEnvironment(const QString &path)
{
    return loadEnvironmentFile(path).ok();
}

} // namespace gl::ui
