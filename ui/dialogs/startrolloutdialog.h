#pragma once

#include "prompter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gl::ui {

// Start a rollout: version, strategy (the environment's default preselected), reason. Recreate says plainly that
// it takes the service down and needs the downtime checkbox ticked before Start is enabled.
class StartRolloutDialog final : public QDialog {
    Q_OBJECT
public:
    explicit StartRolloutDialog(const Prompter::StartQuestion &question, QWidget *parent = nullptr);

    [[nodiscard]] Prompter::StartAnswer answer() const;

private:
    void updateState();

    QLineEdit *m_version;
    QComboBox *m_strategy;
    QLineEdit *m_reason;
    QLabel *m_effect;
    QCheckBox *m_acceptDowntime;
    QPushButton *m_start;
};

} // namespace gl::ui
