#include "gui/diagram/LifecycleDiagram.h"

#include "cli/DockerCli.h"
#include "docker/Signals.h"
#include "gui/diagram/DiagramLayout.h"
#include "gui/diagram/DiagramPalette.h"
#include "gui/diagram/DiagramToken.h"
#include "gui/diagram/LifecycleGraph.h"
#include "gui/diagram/TokenLegend.h"
#include "gui/i18n/CoreWords.h"
#include "gui/panels/RefusalReasons.h"
#include "gui/window/SceneExport.h"
#include "gui/window/ViewZoom.h"

#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <algorithm>
#include <array>
#include <limits>
#include <tuple>

namespace lab {
namespace {

constexpr qreal kOppositeBend = 26;
constexpr double kTravelEngineMs = 700; // a token's journey takes this much engine time
constexpr int kShortestTravelMs = 60;
constexpr int kLongestTravelMs = 3000;
constexpr int kTokensPerRow = 9;
constexpr qreal kTokenGap = 15;
constexpr int kFlashMs = 1600;

QString words(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool publishes(const Reaction& reaction, DockerAction action) {
    return std::find(reaction.actions.begin(), reaction.actions.end(), action) !=
           reaction.actions.end();
}

bool hasOpposite(const LifecycleEdge& edge) {
    const auto& edges = lifecycleEdges();
    return std::any_of(edges.begin(), edges.end(), [&](const LifecycleEdge& other) {
        return other.source == edge.target && other.target == edge.source;
    });
}

// How bad a label spot is: covering a place or another label is unreadable, covering a line is
// a blemish, moving away from the middle of its own edge makes it harder to pair with the edge.
double spotCost(const QRectF& spot, qreal t, const EdgeItem& edge,
                const std::vector<EdgeItem*>& edges, const std::vector<QRectF>& placed) {
    double cost = std::abs(t - 0.5) * 40;
    for (LifecycleState node : diagramNodes())
        if (spot.intersects(nodeRect(node).adjusted(-6, -6, 6, 6)) ||
            spot.intersects(nameRect(node)))
            cost += 1000;
    for (const QRectF& other : placed)
        if (spot.intersects(other.adjusted(-3, -3, 3, 3)))
            cost += 1000;
    for (const EdgeItem* other : edges)
        if (other != &edge && other->path().intersects(spot))
            cost += 30;
    return cost;
}

// Labels are placed one edge after the other, each at the cheapest of a few spots along its
// edge, beside it or a little further out (a short edge between two places, in presenter mode's
// large type): a small search instead of hand-placed labels, so the table stays the only source.
void placeLabels(const std::vector<EdgeItem*>& edges, const QRectF& tokenKey) {
    static constexpr std::array kSpots = {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82};
    std::vector<QRectF> placed = {tokenKey};
    for (EdgeItem* edge : edges) {
        double best = std::numeric_limits<double>::max();
        std::tuple<qreal, int, qreal> bestSpot{0.5, 1, 0};
        for (qreal away : {0, 16, 32, 48, 64})
            for (int side : {1, -1}) {
                if (side == -1 && !edge->isStraight())
                    continue;
                for (qreal t : kSpots) {
                    const double cost =
                        spotCost(edge->labelRectAt(t, side, away), t, *edge, edges, placed) +
                        (side == 1 ? 0 : 5) + away;
                    if (cost < best) {
                        best = cost;
                        bestSpot = {t, side, away};
                    }
                }
            }
        edge->placeLabel(std::get<0>(bestSpot), std::get<1>(bestSpot), std::get<2>(bestSpot));
        placed.push_back(edge->labelRect());
    }
}

} // namespace

LifecycleDiagram::LifecycleDiagram(StepTimeline& timeline, QWidget* parent)
    : QGraphicsView(parent), m_timeline(timeline), m_zoom(new ViewZoom(*this)) {
    setAccessibleName(tr("Lifecycle diagram"));
    setAccessibleDescription(
        tr("The seven container states and every transition of Docker's lifecycle"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* scene = new QGraphicsScene(this);
    scene->setItemIndexMethod(QGraphicsScene::NoIndex); // tokens move all the time
    for (LifecycleState node : diagramNodes()) {
        auto* item = new NodeItem(node);
        scene->addItem(item);
        m_nodes.emplace(node, item);
    }
    // The edges' labels, above every curve and below the places and tokens.
    auto* labelLayer = new QGraphicsRectItem;
    labelLayer->setFlag(QGraphicsItem::ItemHasNoContents);
    labelLayer->setZValue(1.8);
    scene->addItem(labelLayer);
    for (const LifecycleEdge& edge : lifecycleEdges()) {
        // Two opposite edges bow apart; a lone edge runs straight.
        auto* item = new EdgeItem(edge, hasOpposite(edge) ? kOppositeBend : 0, labelLayer);
        scene->addItem(item);
        m_edges.push_back(item);
    }
    setScene(scene);
    addTexts();
    m_flash.setDuration(kFlashMs);
    m_flash.setStartValue(1.0);
    m_flash.setKeyValueAt(0.25, 0.1);
    m_flash.setKeyValueAt(0.5, 1.0);
    m_flash.setKeyValueAt(0.75, 0.1);
    m_flash.setEndValue(0.6); // stays marked until the next step
    connect(&m_flash, &QVariantAnimation::valueChanged, this, [this](const QVariant& level) {
        for (int edge : m_refusedEdges)
            m_edges[std::size_t(edge)]->setFlash(level.toReal());
    });
    restyle();
    connect(&timeline, &StepTimeline::stepShown, this,
            [this](const EngineStep& step) { apply(step, true); });
    connect(&timeline, &StepTimeline::rewound, this, &LifecycleDiagram::rebuild);
    connect(&timeline, &StepTimeline::timeShown, this, &LifecycleDiagram::showCaption);
    rebuild();
}

LifecycleDiagram::~LifecycleDiagram() = default;

void LifecycleDiagram::restyle() {
    setBackgroundBrush(paperColour());
    for (EdgeItem* edge : m_edges)
        edge->relayOut(); // the style's type may be larger: labels are measured and placed again
    placeLabels(m_edges, m_tokenKey->fullRect());
    placeTexts();
    m_legend->setBrush(quietInkColour());
    m_caption->setBrush(inkColour());
    m_refusal->setDefaultTextColor(diagramStyle().dark ? refusedColour().lighter(130)
                                                       : refusedColour().darker(130));
    for (QGraphicsItem* item : scene()->items())
        item->update(); // cached items keep their old pixels until told
    m_zoom->refit();
}

// The legend, then two lines for what the selected container just did and for a refusal.
void LifecycleDiagram::addTexts() {
    m_legend = scene()->addSimpleText(tr(
        "Edges: the commands · the outcome the engine reported (italic) · ⚑ the Docker events "
        "published.\nRefusals and silent no-ops (start on running, stop on exited) do not move a "
        "container: they are not edges."));
    m_caption = scene()->addSimpleText(QString());
    // The top-left corner, above the start and left of paused, is free of places and edges.
    m_tokenKey = new TokenLegendItem(
        {nodeRect(LifecycleState::Start).left(), nodeRect(LifecycleState::Paused).top()});
    scene()->addItem(m_tokenKey);
    m_refusal = scene()->addText(QString()); // Docker's messages are long: wrapped
}

// The texts stand under the drawing, in the style's type; the scene keeps room for a refusal
// of three lines, so the picture does not jump when one comes.
void LifecycleDiagram::placeTexts() {
    QRectF drawing;
    for (const auto& [node, item] : m_nodes)
        drawing |= item->sceneBoundingRect();
    for (const EdgeItem* edge : m_edges)
        drawing |= edge->sceneBoundingRect() | edge->labelRect();
    const qreal left = nodeRect(LifecycleState::Start).left();
    m_legend->setFont(drawingFont(12));
    m_legend->setPos(left, drawing.bottom() + 16);
    m_caption->setFont(drawingFont(17));
    m_caption->setPos(left, m_legend->sceneBoundingRect().bottom() + 12);
    const QFont refusalFont = drawingFont(14);
    m_refusal->setFont(refusalFont);
    const qreal captionHeight = QFontMetricsF(m_caption->font()).height();
    m_refusal->setPos(left - 4, m_caption->pos().y() + captionHeight * 1.5);
    m_refusal->setTextWidth(nodeRect(LifecycleState::Dead).right() - left);
    const qreal refusalHeight = QFontMetricsF(refusalFont).lineSpacing() * 3 + 10;
    const QRectF texts(QPointF(left - 4, m_legend->pos().y()),
                       QPointF(drawing.right(), m_refusal->pos().y() + refusalHeight));
    scene()->setSceneRect(drawing.united(texts).adjusted(-10, -10, 10, 10));
}

void LifecycleDiagram::setLegalEdges(std::vector<int> edges) {
    m_legalEdges = std::move(edges);
    refresh();
}

std::vector<int> LifecycleDiagram::legalEdges() const {
    std::vector<int> marked;
    for (int i = 0; i < int(m_edges.size()); ++i)
        if (m_edges[std::size_t(i)]->isLegal())
            marked.push_back(i);
    return marked;
}

void LifecycleDiagram::setSelectedContainer(const QString& containerId) {
    m_selected = containerId;
    refresh();
}

std::optional<LifecycleState> LifecycleDiagram::activeNode() const {
    for (const auto& [node, item] : m_nodes)
        if (item->isActive())
            return node;
    return std::nullopt;
}

const EdgeItem* LifecycleDiagram::takenEdge() const {
    const auto found = std::find_if(m_edges.begin(), m_edges.end(),
                                    [](const EdgeItem* edge) { return edge->isHighlighted(); });
    return found == m_edges.end() ? nullptr : *found;
}

TokenItem* LifecycleDiagram::token(const QString& containerId) const {
    const auto found = m_shown.find(containerId);
    return found == m_shown.end() ? nullptr : found->second.token;
}

QString LifecycleDiagram::caption() const {
    return m_caption->text();
}

QString LifecycleDiagram::refusal() const {
    return m_refusal->toPlainText();
}

void LifecycleDiagram::settle() {
    std::vector<TokenItem*> tokens;
    for (const auto& [id, shown] : m_shown)
        tokens.push_back(shown.token);
    for (TokenItem* token : tokens) // arriving at "removed" forgets the container
        token->arrive();
}

void LifecycleDiagram::apply(const EngineStep& step, bool animate) {
    const auto [found, isNew] = m_shown.try_emplace(step.containerId);
    Shown& shown = found->second;
    if (isNew) {
        shown.order = m_seen++;
        shown.token = new TokenItem(tokenColour(shown.order), step.name);
        scene()->addItem(shown.token);
        shown.token->setPos(nodeCentre(LifecycleState::Start));
    }
    const Reaction& reaction = step.reaction;
    // Most refusals leave the container where it is; a failed removal moves it to dead.
    if (reaction.verdict == Verdict::Refused)
        showRefusal(step);
    else if (reaction.row >= 0 &&
             LifecycleMachine::table()[std::size_t(reaction.row)].isCommand()) {
        m_refusal->setPlainText(QString()); // a new command: the last refusal is history
        m_flash.stop();
        for (int edge : std::exchange(m_refusedEdges, {}))
            m_edges[std::size_t(edge)]->setFlash(0);
    }
    tell(shown, step);
    if (reaction.row >= 0 && reaction.from != reaction.to) {
        shown.lastEdge = edgeOfRow(reaction.row);
        shown.node = reaction.to;
        shown.killAt.reset();
    }
    if (animate && shown.lastEdge >= 0 && reaction.from != reaction.to) {
        const int wall =
            std::clamp(int(kTravelEngineMs / m_speed), kShortestTravelMs, kLongestTravelMs);
        shown.token->travel(*m_edges[std::size_t(shown.lastEdge)], wall);
    }
    layOutTokens(); // after the journey began: it ends at the new rest
    if (reaction.to == LifecycleState::Removed) {
        if (animate && shown.token->isTravelling())
            connect(shown.token, &TokenItem::arrived, this,
                    [this, id = step.containerId] { forget(id); });
        else
            forget(step.containerId);
    }
    refresh();
}

// The story of a step in a line: the command or outcome, the Docker events, and for a stop the
// signals, the timeout and the exit code, all read from the step itself.
void LifecycleDiagram::tell(Shown& shown, const EngineStep& step) {
    const Reaction& reaction = step.reaction;
    QStringList parts;
    if (reaction.row >= 0) {
        const TableRow& row = LifecycleMachine::table()[std::size_t(reaction.row)];
        parts << (row.isCommand() ? QStringLiteral("docker ") + words(triggerName(row.trigger))
                                  : coreWord(triggerName(row.trigger)));
    }
    for (const Effect& effect : reaction.effects)
        if (effect.kind == EffectKind::StopProcess && effect.delay >= Duration::zero()) {
            shown.killAt = step.at + effect.delay;
            parts << tr("SIG%1 sent, SIGKILL after %2 s unless it exits")
                         .arg(QString::fromStdString(docker::signalName(effect.signal)))
                         .arg(std::chrono::duration<double>(effect.delay).count());
        }
    // What a stop is made of: the signal sent (PID 1 may ignore it), the timeout's end, the exit.
    if (step.outcome && step.outcome->outcome == Outcome::Signalled)
        parts << tr("signal %1 (SIG%2) sent to PID 1")
                     .arg(step.outcome->signal)
                     .arg(QString::fromStdString(docker::signalName(step.outcome->signal)));
    if (step.outcome && step.outcome->outcome == Outcome::StopTimedOut)
        shown.killAt.reset();
    if (publishes(reaction, DockerAction::Die))
        parts << tr("the process exited with code %1").arg(step.exitCode);
    QStringList actions;
    for (DockerAction action : reaction.actions)
        actions << words(actionName(action));
    if (!actions.isEmpty())
        parts << QStringLiteral("⚑ ") + actions.join(QStringLiteral(" · "));
    shown.story = step.name + QStringLiteral(": ") + parts.join(QStringLiteral(" — "));
}

void LifecycleDiagram::showRefusal(const EngineStep& step) {
    const Reaction& reaction = step.reaction;
    // A command's row names the command; an outcome's (the freezer failed) names no command.
    const TableRow* row =
        reaction.row >= 0 ? &LifecycleMachine::table()[std::size_t(reaction.row)] : nullptr;
    const Command* command = row ? std::get_if<Command>(&row->trigger) : nullptr;
    const std::string message =
        cli::fromDaemon(refusalText(*reaction.refusal, step.containerId.toStdString(),
                                    step.name.toStdString(), reaction.detail));
    const QString asked =
        command ? tr("docker %1 %2 — ").arg(words(commandName(*command)), step.name) : QString();
    m_refusal->setPlainText(
        tr("✗ %1%2\nWhy: %3")
            .arg(asked, QString::fromStdString(message), refusalReason(*reaction.refusal)));
    for (int edge : m_refusedEdges)
        m_edges[std::size_t(edge)]->setFlash(0);
    m_refusedEdges = command ? edgesOfCommand(*command) : std::vector<int>{};
    for (int edge : m_refusedEdges)
        m_edges[std::size_t(edge)]->setFlash(1);
    m_flash.stop();
    m_flash.start();
}

void LifecycleDiagram::forget(const QString& containerId) {
    const auto found = m_shown.find(containerId);
    if (found == m_shown.end() || found->second.node != LifecycleState::Removed)
        return; // the token was reused: a replay brought the container back
    // Called from the token's own signal: it goes once the signal has returned.
    found->second.token->hide();
    found->second.token->deleteLater();
    m_shown.erase(found);
    refresh();
}

void LifecycleDiagram::rebuild() {
    for (auto& [id, shown] : m_shown)
        delete shown.token;
    m_shown.clear();
    m_seen = 0;
    m_refusal->setPlainText(QString());
    m_refusedEdges.clear();
    for (EdgeItem* edge : m_edges)
        edge->setFlash(0);
    const auto& steps = m_timeline.steps();
    for (std::size_t i = 0; i < m_timeline.shownCount(); ++i)
        apply(steps[i], false);
    refresh();
}

void LifecycleDiagram::refresh() {
    std::map<LifecycleState, int> counts;
    for (const auto& [id, shown] : m_shown)
        ++counts[shown.node];
    for (auto& [node, item] : m_nodes)
        item->setCount(dockerState(node) ? counts[node] : 0);
    const auto selected = m_shown.find(m_selected);
    const bool here = selected != m_shown.end() && dockerState(selected->second.node);
    for (auto& [node, item] : m_nodes)
        item->setActive(here && selected->second.node == node);
    const int taken = here ? selected->second.lastEdge : -1;
    for (int i = 0; i < int(m_edges.size()); ++i)
        m_edges[std::size_t(i)]->setHighlighted(i == taken);
    std::vector<const Shown*> byOrder;
    for (auto& [id, shown] : m_shown) {
        shown.token->setSelected(id == m_selected);
        byOrder.push_back(&shown);
    }
    std::sort(byOrder.begin(), byOrder.end(),
              [](const Shown* a, const Shown* b) { return a->order < b->order; });
    std::vector<TokenLegendItem::Entry> key;
    for (const Shown* shown : byOrder)
        key.push_back({tokenColour(shown->order), shown->token->toolTip(),
                       selected != m_shown.end() && shown == &selected->second});
    m_tokenKey->setEntries(std::move(key));
    // While the picture is behind the engine, only edges from where it shows the container.
    for (int i = 0; i < int(m_edges.size()); ++i)
        m_edges[std::size_t(i)]->setLegal(
            here && m_edges[std::size_t(i)]->edge().source == selected->second.node &&
            std::find(m_legalEdges.begin(), m_legalEdges.end(), i) != m_legalEdges.end());
    showCaption();
}

// Tokens rest in a row along the bottom of their place, in the order their containers appeared.
void LifecycleDiagram::layOutTokens() {
    std::map<LifecycleState, std::vector<const Shown*>> byNode;
    for (const auto& [id, shown] : m_shown)
        byNode[shown.node].push_back(&shown);
    for (auto& [node, here] : byNode) {
        std::sort(here.begin(), here.end(),
                  [](const Shown* a, const Shown* b) { return a->order < b->order; });
        const QRectF place = nodeRect(node);
        const int perRow = dockerState(node) ? kTokensPerRow : 1;
        const qreal rowWidth = (std::min(int(here.size()), perRow) - 1) * kTokenGap;
        for (std::size_t k = 0; k < here.size(); ++k) {
            const qreal x = place.center().x() - rowWidth / 2 + qreal(int(k) % perRow) * kTokenGap;
            const qreal y = place.bottom() + qreal(int(k) / perRow) * kTokenGap;
            here[k]->token->setRest({x, y});
        }
    }
}

void LifecycleDiagram::showCaption() {
    const auto selected = m_shown.find(m_selected);
    if (selected == m_shown.end()) {
        m_caption->setText(QString());
        return;
    }
    QString text = selected->second.story;
    if (const auto& killAt = selected->second.killAt; killAt && *killAt > m_timeline.shownTime())
        text += tr("  ·  SIGKILL in %1 s (engine time)")
                    .arg(std::chrono::duration<double>(*killAt - m_timeline.shownTime()).count(), 0,
                         'f', 1);
    m_caption->setText(text);
}

// The items cache their pixels for the screen; a picture to keep wants their paths and text.
class LifecycleDiagram::Uncached {
public:
    explicit Uncached(const QGraphicsScene& scene) : m_items(scene.items()) {
        for (QGraphicsItem* item : m_items) {
            m_modes.push_back(item->cacheMode());
            item->setCacheMode(QGraphicsItem::NoCache);
        }
    }
    ~Uncached() {
        for (qsizetype i = 0; i < m_items.size(); ++i)
            m_items[i]->setCacheMode(m_modes[std::size_t(i)]);
    }
    Uncached(const Uncached&) = delete;
    Uncached& operator=(const Uncached&) = delete;

private:
    QList<QGraphicsItem*> m_items;
    std::vector<QGraphicsItem::CacheMode> m_modes;
};

Status LifecycleDiagram::exportTo(const QString& path) const {
    const Uncached drawnAsPaths(*scene());
    return exportScene(*scene(), path, tr("The container lifecycle"));
}

void LifecycleDiagram::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    m_zoom->refit();
}

} // namespace lab
