#include "gui/window/DisplayModes.h"

#include "gui/diagram/DiagramPalette.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/panels/TimelineChart.h"
#include "gui/runflow/RunFlowChart.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QMainWindow>
#include <QTableView>

namespace lab {
namespace {

constexpr qreal kPresenterLineScale = 2;

QPalette darkPalette() {
    QPalette palette;
    const QColor window(0x2B, 0x2D, 0x31);
    const QColor base(0x1E, 0x1F, 0x22);
    const QColor text(0xEE, 0xEE, 0xEE);
    const QColor disabled(0x80, 0x80, 0x80);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabled);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x56, 0xB4, 0xE9));
    palette.setColor(QPalette::Highlight, QColor(0x00, 0x72, 0xB2));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    return palette;
}

QFont scaled(QFont font, qreal factor) {
    if (font.pixelSize() > 0)
        font.setPixelSize(qRound(font.pixelSize() * factor));
    else
        font.setPointSizeF(font.pointSizeF() * factor);
    return font;
}

} // namespace

DisplayModes::DisplayModes(QMainWindow& window, LifecycleDiagram& diagram, RunFlowChart& flowChart,
                           TimelineChart& timeline)
    : QObject(&window), m_window(window), m_diagram(diagram), m_flowChart(flowChart),
      m_timeline(timeline), m_presenter(new QAction(tr("&Presenter mode"), this)),
      m_dark(new QAction(tr("&Dark theme"), this)),
      m_panels(new QAction(tr("Show the &panels"), this)), m_lightPalette(window.palette()) {
    m_presenter->setCheckable(true);
    m_presenter->setShortcut(QKeySequence(Qt::Key_F11));
    m_presenter->setToolTip(tr("Full screen: the drawing alone, large type, thick lines (F11)"));
    m_panels->setCheckable(true);
    m_panels->setEnabled(false);
    m_panels->setShortcut(QKeySequence(Qt::Key_F9));
    m_panels->setToolTip(tr("In presenter mode: show or hide the console, the table and the "
                            "other panels around the drawing (F9)"));
    connect(m_panels, &QAction::toggled, this, &DisplayModes::showPanels);
    connect(m_presenter, &QAction::toggled, this, &DisplayModes::setPresenter);
    m_dark->setCheckable(true);
    m_dark->setToolTip(tr("Light text on a dark background"));
    connect(m_dark, &QAction::toggled, this, &DisplayModes::setDark);
    window.addAction(m_presenter); // F11 and F9 work in full screen, where the menu bar may hide
    window.addAction(m_panels);
}

DisplayModes::~DisplayModes() {
    setDiagramStyle({});
}

void DisplayModes::hideWhilePresenting(QWidget* widget) {
    m_hiddenWidgets.push_back(widget);
}

void DisplayModes::showPanels(bool show) {
    if (show) {
        m_window.restoreState(m_normalLayout);
    } else {
        for (QDockWidget* dock : m_window.findChildren<QDockWidget*>())
            dock->hide();
    }
    for (QWidget* widget : m_hiddenWidgets)
        widget->setVisible(show);
}

void DisplayModes::setPresenter(bool on) {
    if (on) {
        m_wasMaximized = m_window.isMaximized();
        m_normalLayout = m_window.saveState();
        m_panels->setEnabled(true);
        m_panels->setChecked(false);
        showPanels(false);
        m_normalFonts = {{&m_window, m_window.font()}};
        // Panels with a font of their own (the fixed-width logs) do not inherit the window's.
        for (QWidget* widget : m_window.findChildren<QWidget*>())
            if (widget->testAttribute(Qt::WA_SetFont))
                m_normalFonts.emplace_back(widget, widget->font());
        for (const auto& [widget, font] : m_normalFonts)
            widget->setFont(scaled(font, kPresenterScale));
        fitColumns();
        m_window.showFullScreen();
    } else {
        m_panels->setChecked(false);
        m_panels->setEnabled(false);
        for (QWidget* widget : m_hiddenWidgets)
            widget->show();
        for (const auto& [widget, font] : m_normalFonts)
            if (widget)
                widget->setFont(font);
        m_normalFonts.clear();
        for (const auto& [header, widths] : m_normalColumns)
            for (int section = 0; header && section < int(widths.size()); ++section)
                header->resizeSection(section, widths[std::size_t(section)]);
        m_normalColumns.clear();
        m_window.restoreState(m_normalLayout);
        m_wasMaximized ? m_window.showMaximized() : m_window.showNormal();
    }
    setDiagramStyle(
        {diagramStyle().dark, on ? kPresenterLineScale : 1.0, on ? kPresenterTextScale : 1.0});
    restyleDrawings();
}

// Columns sized by hand fit the larger type (stretching ones follow by themselves).
void DisplayModes::fitColumns() {
    m_normalColumns.clear();
    for (QTableView* table : m_window.findChildren<QTableView*>()) {
        QHeaderView* header = table->horizontalHeader();
        std::vector<int> widths;
        for (int section = 0; section < header->count(); ++section) {
            widths.push_back(header->sectionSize(section));
            if (header->sectionResizeMode(section) == QHeaderView::Interactive)
                table->resizeColumnToContents(section);
        }
        m_normalColumns.emplace_back(header, std::move(widths));
    }
}

void DisplayModes::setDark(bool dark) {
    m_window.setPalette(dark ? darkPalette() : m_lightPalette);
    setDiagramStyle({dark, diagramStyle().lineScale, diagramStyle().textScale});
    m_timeline.setDark(dark);
    restyleDrawings();
}

void DisplayModes::restyleDrawings() {
    m_diagram.restyle();
    m_flowChart.restyle();
    emit restyled();
}

} // namespace lab
