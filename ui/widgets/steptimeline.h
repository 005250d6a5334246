#pragma once

#include "engine/rolloutsession.h"

#include <QWidget>

namespace gl::ui {

// A rollout's traffic steps as a painted timeline: done steps filled, the current one ringed and bold with the
// actual share HAProxy gives next to the desired one, pending steps hollow. Colours come from the palette
// (light and dark themes); drawing is antialiased vector, crisp at any device pixel ratio.
class StepTimeline final : public QWidget {
    Q_OBJECT
public:
    explicit StepTimeline(QWidget *parent = nullptr);

    void setSteps(const QList<RolloutSession::StepInfo> &steps, double actualShare);
    void clear();
    [[nodiscard]] const QList<RolloutSession::StepInfo> &steps() const { return m_steps; }
    // The current step (0-based), -1 when none.
    [[nodiscard]] int currentStep() const;
    // What the timeline shows, as text (accessibility and tests): "5 % done · 25 % current (actual 24.8 %) · …".
    [[nodiscard]] QString summary() const;

    // Where each text label is drawn (share above, actual/pause below): inside the widget at any width, the
    // first and last ones inset so they are never clipped, and neighbouring ones never overlapping.
    struct Label {
        QRectF rect;
        QString text; // as drawn (elided when the cell is narrow)
        int step = 0;
        bool below = false; // the second line ("actual 10 %", "gate")
    };
    [[nodiscard]] QList<Label> labels() const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<RolloutSession::StepInfo> m_steps;
    double m_actual = -1;
};

} // namespace gl::ui
