#include "drillpdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPageLayout>
#include <QPdfWriter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

namespace gl::ui {

Status writeDrillPdf(const QString &markdown, const QString &pdfPath, const QString &title)
{
    if (!QFileInfo(pdfPath).absoluteDir().exists() && !QDir().mkpath(QFileInfo(pdfPath).absolutePath()))
        return makeError(ErrorCode::Io,
            QCoreApplication::translate("gl::ui::DrillPdf", "Could not create the folder for %1.").arg(pdfPath));
    QTextDocument document;
    document.setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    QFont font = document.defaultFont();
    font.setPointSizeF(9);
    document.setDefaultFont(font);
    // A letter spacing, however small, turns ligatures off: "fi" stays two letters that copy and search as text.
    {
        QTextCursor cursor(&document);
        cursor.select(QTextCursor::Document);
        QTextCharFormat spacing;
        spacing.setFontLetterSpacingType(QFont::AbsoluteSpacing);
        spacing.setFontLetterSpacing(0.01);
        cursor.mergeCharFormat(spacing);
    }
    // Markdown tables come without borders: give them thin ones and some padding so the step table reads as one.
    for (QTextFrame::iterator it = document.rootFrame()->begin(); !it.atEnd(); ++it) {
        if (auto *table = qobject_cast<QTextTable *>(it.currentFrame())) {
            QTextTableFormat format = table->format();
            format.setBorder(0.5);
            format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
            format.setBorderCollapse(true);
            format.setCellPadding(3);
            format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
            // The step table and the timeline get room for their text columns.
            const auto percent = [](std::initializer_list<qreal> values) {
                QList<QTextLength> lengths;
                for (qreal v : values)
                    lengths << QTextLength(QTextLength::PercentageLength, v);
                return lengths;
            };
            if (table->columns() == 8)
                format.setColumnWidthConstraints(percent({3, 27, 7, 11, 6, 9, 9, 28}));
            else if (table->columns() == 3)
                format.setColumnWidthConstraints(percent({13, 25, 62}));
            table->setFormat(format);
        }
    }

    {
        QPdfWriter writer(pdfPath);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Greenlight"));
        writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        document.print(&writer);
    }
    if (!QFileInfo(pdfPath).isFile() || QFileInfo(pdfPath).size() == 0)
        return makeError(
            ErrorCode::Io, QCoreApplication::translate("gl::ui::DrillPdf", "Could not write %1.").arg(pdfPath));
    return {};
}

} // namespace gl::ui
