#pragma once

#include <QMainWindow>

namespace gl {
class Settings;
}

namespace gl::ui {

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Settings &settings, QWidget *parent = nullptr);
    bool openEnvironment(const QString &path);

private:
    Settings &m_settings;
};

} // namespace gl::ui
