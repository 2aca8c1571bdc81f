#include "gui/architecture/ArchitectureView.h"

#include "gui/architecture/ArchitectureParts.h"
#include "gui/diagram/DiagramPalette.h"
#include "gui/socket/WindowSocket.h"
#include "gui/window/Playback.h"
#include "gui/window/ViewZoom.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QPainterPath>
#include <QVariantAnimation>
#include <algorithm>
#include <cmath>

namespace lab {
namespace {

constexpr std::size_t kLogLines = 8; // the latest requests listed under the parts
constexpr int kCarryMilliseconds = 900;

// The part an arrow comes from, for the arrow into each part but the client.
ArchPart arrowSource(ArchPart target) {
    switch (target) {
    case ArchPart::Socket:
        return ArchPart::Client;
    case ArchPart::Kernel:
        return ArchPart::Runtime;
    case ArchPart::Daemon:
        return ArchPart::Socket;
    default:
        return ArchPart::Daemon;
    }
}

// Where the arrow from one box to the next leaves and arrives: facing sides.
QLineF arrowLine(const QRectF& from, const QRectF& to) {
    if (to.top() >= from.bottom())
        return {QPointF(from.center().x(), from.bottom()), QPointF(to.center().x(), to.top())};
    return {QPointF(from.right(), from.center().y()), QPointF(to.left(), to.center().y())};
}

QGraphicsSimpleTextItem* text(QGraphicsScene& scene, const QString& words, const QFont& font,
                              const QColor& colour, QPointF at) {
    auto* item = scene.addSimpleText(words, font);
    item->setBrush(colour);
    item->setPos(at);
    return item;
}

} // namespace

ArchitectureView::ArchitectureView(ApiTraffic& traffic, Playback& playback, WindowSocket& socket,
                                   BackendKind backend, QWidget* parent)
    : QGraphicsView(parent), m_traffic(traffic), m_timeline(playback.timeline()),
      m_playback(playback), m_socket(socket), m_backend(backend), m_zoom(new ViewZoom(*this)),
      m_carry(new QVariantAnimation(this)) {
    setAccessibleName(tr("Architecture"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setScene(new QGraphicsScene(this));
    m_carry->setStartValue(0.0);
    m_carry->setEndValue(1.0);
    // Arrived: the dot goes, the lit way stays.
    connect(m_carry, &QVariantAnimation::finished, this,
            [this] { delete std::exchange(m_dot, nullptr); });
    connect(&m_playback, &Playback::advanced, this, &ArchitectureView::refresh);
    connect(&m_playback, &Playback::rewound, this, &ArchitectureView::rebuild);
    connect(&m_traffic, &ApiTraffic::added, this, &ArchitectureView::refresh);
    connect(&m_traffic, &ApiTraffic::cleared, this, &ArchitectureView::rebuild);
    connect(&m_socket, &WindowSocket::servingChanged, this, &ArchitectureView::rebuild);
    rebuild();
}

std::vector<ApiHop> ArchitectureView::shownHops() const {
    std::vector<ApiHop> shown;
    for (const ApiHop& hop : m_traffic.hops())
        if (hop.at <= m_timeline.shownTime())
            shown.push_back(hop);
    return shown;
}

bool ArchitectureView::arrowLit(ArchPart part) const {
    const std::vector<ApiHop> shown = shownHops();
    if (shown.empty() || part == ArchPart::Client)
        return false;
    const std::vector<ArchPart> route = shown.back().route();
    return std::find(route.begin(), route.end(), part) != route.end();
}

bool ArchitectureView::arrowRed(ArchPart part) const {
    return arrowLit(part) && shownHops().back().failed();
}

std::vector<QRectF> ArchitectureView::labelRects() const {
    std::vector<QRectF> rects;
    for (const QGraphicsItem* label : m_labels)
        rects.push_back(label->sceneBoundingRect());
    return rects;
}

void ArchitectureView::settle() {
    m_carry->stop();
    delete std::exchange(m_dot, nullptr);
}

void ArchitectureView::restyle() {
    rebuild();
}

// New hops shown: the picture is drawn again, and the newest one is carried along its way.
void ArchitectureView::refresh() {
    const std::vector<ApiHop> shown = shownHops();
    if (shown.size() == m_shown)
        return;
    const bool grew = shown.size() > m_shown;
    rebuild();
    if (grew)
        carry(shown.back());
}

void ArchitectureView::rebuild() {
    m_dot = nullptr; // cleared with the scene
    m_carry->stop();
    scene()->clear();
    m_labels.clear();
    m_shown = shownHops().size();
    setBackgroundBrush(paperColour());
    layOut();
    drawArrows();
    drawParts();
    drawLatest();
    drawLog();
    scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-16, -16, 16, 16));
    m_zoom->refit();
}

// The parts in a row (client, socket, daemon, registry), the runtime and the kernel under the
// daemon; every box as wide as its words.
void ArchitectureView::layOut() {
    const QFontMetricsF title(drawingFont(15, true));
    const QFontMetricsF labWords(drawingFont(12));
    const qreal pad = 10 * diagramStyle().textScale;
    const QString socketPath = m_socket.path();
    std::map<ArchPart, QSizeF> sizes;
    for (ArchPart part : kArchParts) {
        const QRectF words = labWords.boundingRect(QRectF(0, 0, 1000, 1000), Qt::AlignLeft,
                                                   partInLab(part, m_backend, socketPath));
        sizes[part] = {std::max(title.horizontalAdvance(partTitle(part)), words.width()) + 2 * pad,
                       title.height() + words.height() + 3 * pad};
    }
    const qreal gap = 70 * diagramStyle().textScale; // room for an arrow
    const qreal rowHeight =
        std::max({sizes[ArchPart::Client].height(), sizes[ArchPart::Daemon].height(),
                  sizes[ArchPart::Registry].height()});
    qreal x = 0;
    for (ArchPart part :
         {ArchPart::Client, ArchPart::Socket, ArchPart::Daemon, ArchPart::Registry}) {
        m_partRects[part] = QRectF(QPointF(x, 0), QSizeF(sizes[part].width(), rowHeight));
        x += sizes[part].width() + gap;
    }
    const qreal daemonCentre = m_partRects[ArchPart::Daemon].center().x();
    qreal y = rowHeight + gap;
    for (ArchPart part : {ArchPart::Runtime, ArchPart::Kernel}) {
        m_partRects[part] = QRectF(QPointF(daemonCentre - sizes[part].width() / 2, y), sizes[part]);
        y += sizes[part].height() + gap;
    }
}

void ArchitectureView::drawParts() {
    const qreal pad = 10 * diagramStyle().textScale;
    const QFont titleFont = drawingFont(15, true);
    const QFont labFont = drawingFont(12);
    const QString socketPath = m_socket.path();
    for (ArchPart part : kArchParts) {
        const QRectF box = m_partRects.at(part);
        QPainterPath outline;
        outline.addRoundedRect(box, 8, 8);
        auto* item = scene()->addPath(outline, QPen(inkColour(), lab::lineWidth(1.5)),
                                      QColor(diagramStyle().dark ? 0x2a3038 : 0xf4f6f8));
        item->setZValue(1);
        auto* name = text(*scene(), partTitle(part), titleFont, inkColour(),
                          box.topLeft() + QPointF(pad, pad));
        auto* inLab =
            text(*scene(), partInLab(part, m_backend, socketPath), labFont, quietInkColour(),
                 QPointF(box.left() + pad, name->sceneBoundingRect().bottom() + pad / 2));
        for (QGraphicsItem* words :
             {static_cast<QGraphicsItem*>(name), static_cast<QGraphicsItem*>(inLab)}) {
            words->setZValue(2);
            m_labels.push_back(words);
        }
    }
}

void ArchitectureView::drawArrows() {
    for (ArchPart target : kArchParts) {
        if (target == ArchPart::Client)
            continue;
        const QLineF line = arrowLine(m_partRects.at(arrowSource(target)), m_partRects.at(target));
        const bool lit = arrowLit(target);
        const QColor colour =
            !lit ? quietInkColour() : (arrowRed(target) ? refusedColour() : highlightColour());
        const QPen pen(colour, lab::lineWidth(lit ? 4 : 1.5));
        scene()->addLine(line, pen);
        // The head, at the target: a request goes down from the client.
        const qreal angle = std::atan2(line.dy(), line.dx());
        const qreal size = 10 * diagramStyle().lineScale;
        QPolygonF head;
        head << line.p2()
             << line.p2() - QPointF(std::cos(angle - 0.4), std::sin(angle - 0.4)) * size
             << line.p2() - QPointF(std::cos(angle + 0.4), std::sin(angle + 0.4)) * size;
        scene()->addPolygon(head, pen, colour);
    }
}

// The latest request's words above the client's arrows.
void ArchitectureView::drawLatest() {
    const std::vector<ApiHop> shown = shownHops();
    const QFont font = drawingFont(15, true);
    const QString words = shown.empty() ? tr("No request yet: type a docker command, or serve "
                                             "the socket and use your own docker")
                                        : shown.back().label();
    const QColor colour = shown.empty()           ? quietInkColour()
                          : shown.back().failed() ? refusedColour()
                                                  : inkColour();
    const qreal height = QFontMetricsF(font).height();
    auto* item = text(*scene(), words, font, colour,
                      QPointF(m_partRects.at(ArchPart::Client).left(), -height * 1.8));
    m_labels.push_back(item);
}

// The last requests, newest last, beside the runtime and the kernel when there is room there,
// else under them.
void ArchitectureView::drawLog() {
    const std::vector<ApiHop> shown = shownHops();
    const QFont font = drawingFont(13);
    const qreal lineHeight = QFontMetricsF(font).height() * 1.15;
    std::vector<QString> lines{tr("Requests (newest last):")};
    std::vector<QColor> colours{inkColour()};
    for (std::size_t i = shown.size() > kLogLines ? shown.size() - kLogLines : 0; i < shown.size();
         ++i) {
        lines.push_back((shown[i].fromSocket ? tr("socket: ") : tr("console: ")) +
                        shown[i].label());
        colours.push_back(shown[i].failed() ? refusedColour() : quietInkColour());
    }
    qreal width = 0;
    for (const QString& line : lines)
        width = std::max(width, QFontMetricsF(font).horizontalAdvance(line));
    const QRectF runtime = m_partRects.at(ArchPart::Runtime);
    const qreal gap = 40 * diagramStyle().textScale;
    const bool beside =
        width + gap <= std::min(runtime.left(), m_partRects.at(ArchPart::Kernel).left());
    QPointF at = beside ? QPointF(0, runtime.top())
                        : QPointF(0, m_partRects.at(ArchPart::Kernel).bottom() + gap);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        m_labels.push_back(text(*scene(), lines[i], font, colours[i], at));
        at.ry() += lineHeight;
    }
}

// A dot runs the newest request's way, client first, at the playback's speed.
void ArchitectureView::carry(const ApiHop& hop) {
    QPainterPath way;
    for (ArchPart part : hop.route())
        way.isEmpty() ? way.moveTo(m_partRects.at(part).center())
                      : way.lineTo(m_partRects.at(part).center());
    const qreal radius = 7 * diagramStyle().lineScale;
    m_dot = scene()->addEllipse(-radius, -radius, 2 * radius, 2 * radius, Qt::NoPen,
                                hop.failed() ? refusedColour() : highlightColour());
    m_dot->setZValue(3);
    m_dot->setPos(way.pointAtPercent(0));
    disconnect(m_carry, &QVariantAnimation::valueChanged, this, nullptr);
    connect(m_carry, &QVariantAnimation::valueChanged, this, [this, way](const QVariant& value) {
        if (m_dot)
            m_dot->setPos(way.pointAtPercent(value.toReal()));
    });
    m_carry->setDuration(int(kCarryMilliseconds / std::max(m_playback.speed(), 0.1)));
    m_carry->start();
}

void ArchitectureView::changeEvent(QEvent* event) {
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        rebuild();
}

void ArchitectureView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    m_zoom->refit();
}

} // namespace lab
