#include "gui/window/EngineSignals.h"

namespace lab {

EngineSignals::EngineSignals(Engine& engine, QObject* parent) : QObject(parent), m_engine(&engine) {
    m_engine->addObserver(*this);
}

EngineSignals::~EngineSignals() {
    m_engine->removeObserver(*this);
}

void EngineSignals::rebind(Engine& engine) {
    m_engine->removeObserver(*this);
    m_engine = &engine;
    m_engine->addObserver(*this);
    emit engineReplaced();
}

void EngineSignals::reacted(const Container& container, const Reaction& reaction,
                            const OutcomeEvent* outcome) {
    emit containerReacted(QString::fromStdString(container.id), reaction, outcome);
}

void EngineSignals::published(const DockerEvent& event) {
    emit eventPublished(event);
}

void EngineSignals::runFlowMoved(const RunFlowReport& report) {
    emit runFlowStepped(report);
}

} // namespace lab
