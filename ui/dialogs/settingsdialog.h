#pragma once

#include "util/settings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QDialogButtonBox;

namespace gl::ui {

// Language and theme. Applied by the main window when accepted.
class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const Settings &settings, QWidget *parent = nullptr);

    [[nodiscard]] QString language() const; // "system", "en" or "ko"
    [[nodiscard]] Settings::Theme theme() const;

private:
    QComboBox *m_language;
    QComboBox *m_theme;
};

} // namespace gl::ui
