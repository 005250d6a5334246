#pragma once

#include "engine/rolloutstore.h"
#include "model/environment.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;

namespace gl::ui {

// Offers the environment's rollback runbook (environment file `runbooks: {rollback: ID}`) under a rollout that
// was aborted or rolled back: "This rollout was rolled back. Follow the runbook '…' to check the service." with
// an Open button that emits openRunbook(id). Hidden for any other state, without a rollout, or when the
// environment names no rollback runbook.
class RollbackRunbookLink final : public QWidget {
    Q_OBJECT
public:
    explicit RollbackRunbookLink(QWidget *parent = nullptr);

    void setEnvironment(const gl::Environment &environment);
    void setRollout(const std::optional<gl::RolloutRecord> &rollout);

    // The runbook id offered now (empty when hidden).
    [[nodiscard]] QString runbookId() const;
    // Where runbook titles come from (the Runbooks place registers its library's; without one, or when the
    // lookup returns nothing, the id is shown). Shared by every link in the process.
    using TitleLookup = std::function<QString(const QString &runbookId)>;
    static void setTitleLookup(TitleLookup lookup);

signals:
    void openRunbook(const QString &runbookId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void refresh();

    QString m_runbookId; // from the environment
    std::optional<RolloutState> m_state;
    QLabel *m_text;
    QPushButton *m_open;
};

} // namespace gl::ui
