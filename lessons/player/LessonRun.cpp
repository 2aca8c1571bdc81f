#include "player/LessonRun.h"

#include "console/ScriptRunner.h"

#include <algorithm>

namespace lab {

LessonRun::LessonRun(EngineSession& session)
    : m_session(session), m_engine(&session.engine()), m_began(m_engine->clock().now()) {
    m_engine->addObserver(*this);
}

LessonRun::~LessonRun() {
    m_engine->removeObserver(*this);
}

void LessonRun::follow(Engine& engine) {
    m_engine->removeObserver(*this);
    m_engine = &engine;
    m_engine->addObserver(*this);
    m_began = m_engine->clock().now();
    m_idByName.clear();
    m_visited.clear();
    m_events.clear();
}

Status applyFault(const FaultAction& fault, Engine& engine) {
    Container* target = nullptr;
    if (!fault.container.isEmpty()) {
        auto found = engine.find(fault.container.toStdString());
        target = found ? *found : nullptr;
    }
    return engine.injectFault(
        fault.kind == FaultAction::Kind::OutOfMemory ? Fault::OutOfMemory : Fault::NextRemovalFails,
        target);
}

void LessonRun::runStep(const LessonStep& step, std::ostream& out, std::ostream& err, bool echo) {
    if (step.fault)
        if (Status done = applyFault(*step.fault, *m_engine); !done)
            err << "fault: " << done.error().message << std::endl;
    // On the real backend each line's kernel operations follow its output (none on the simulation).
    CommandLoop loop(m_session, out, err, echo ? &out : nullptr);
    for (const QString& line : step.commands) {
        if (echo)
            out << "docker> " << line.toStdString() << std::endl;
        loop.feed(line.toStdString());
        if (!line.startsWith(u'@'))
            m_lastStatus = loop.status();
    }
}

void LessonRun::reacted(const Container& container, const Reaction& reaction,
                        const OutcomeEvent* /*outcome*/) {
    m_idByName[container.name] = container.id;
    QStringList& states = m_visited[container.id];
    if (const auto state = dockerState(reaction.to)) {
        const QString name =
            QString::fromUtf8(dockerName(*state).data(), qsizetype(dockerName(*state).size()));
        if (!states.contains(name))
            states << name;
    }
}

void LessonRun::published(const DockerEvent& event) {
    if (event.type == "container")
        m_events[event.actorId] << QString::fromStdString(event.action);
}

Container* LessonRun::find(const QString& container) {
    auto found = m_engine->find(container.toStdString());
    if (!found)
        return nullptr;
    m_idByName[(*found)->name] = (*found)->id;
    return *found;
}

ContainerFacts LessonRun::facts(const QString& container) {
    ContainerFacts facts;
    const Container* found = find(container);
    if (!found)
        return facts;
    facts.exists = true;
    facts.state = coreWord(dockerName(found->state()));
    facts.exitCode = found->record.exitCode;
    facts.restartCount = found->record.restartCount;
    facts.oomKilled = found->record.oomKilled;
    return facts;
}

QStringList LessonRun::recorded(const std::map<std::string, QStringList>& byId,
                                const QString& container) const {
    const auto id = m_idByName.find(container.toStdString());
    const auto entry = id == m_idByName.end() ? byId.end() : byId.find(id->second);
    return entry == byId.end() ? QStringList() : entry->second;
}

QStringList LessonRun::events(const QString& container) const {
    return recorded(m_events, container);
}

QStringList LessonRun::visited(const QString& container) const {
    return recorded(m_visited, container);
}

Duration LessonRun::elapsed() const {
    return m_engine->clock().now() - m_began;
}

std::optional<Verdict> LessonRun::preview(const QString& container, Command command) {
    const Container* found = find(container);
    if (!found)
        return std::nullopt;
    CommandEvent event;
    event.command = command;
    event.at = m_engine->clock().now();
    return found->machine.preview(event, found->record).verdict;
}

bool LessonRun::holds(const Check& check) {
    const ContainerFacts now = facts(check.container);
    switch (check.kind) {
    case Check::Kind::State:
        return now.state == check.state;
    case Check::Kind::ExitCode:
        return now.exists && now.exitCode == check.number;
    case Check::Kind::RestartCount:
        return now.exists && now.restartCount == check.number;
    case Check::Kind::OomKilled:
        return now.exists && now.oomKilled == check.flag;
    case Check::Kind::Events: {
        const QStringList seen = events(check.container);
        return std::search(seen.begin(), seen.end(), check.sequence.begin(),
                           check.sequence.end()) != seen.end();
    }
    case Check::Kind::Visited: {
        const QStringList seen = visited(check.container);
        return std::all_of(check.sequence.begin(), check.sequence.end(),
                           [&](const QString& state) { return seen.contains(state); });
    }
    }
    return false;
}

QString LessonRun::placeholder(const QString& kind, const QString& container) {
    if (kind == QLatin1String("status"))
        return QString::number(m_lastStatus);
    const ContainerFacts now = facts(container);
    if (kind == QLatin1String("state"))
        return now.state;
    if (kind == QLatin1String("restartCount"))
        return QString::number(now.restartCount);
    return QString::number(now.exitCode);
}

QString describeCheck(const Check& check, Language language) {
    const bool zh = language == Language::Chinese;
    const QString& name = check.container;
    switch (check.kind) {
    case Check::Kind::State:
        return zh ? QStringLiteral("%1 的状态是 %2").arg(name, check.state)
                  : QStringLiteral("%1 is %2").arg(name, check.state);
    case Check::Kind::ExitCode:
        return zh ? QStringLiteral("%1 的退出码是 %2").arg(name).arg(check.number)
                  : QStringLiteral("%1 has exit code %2").arg(name).arg(check.number);
    case Check::Kind::RestartCount:
        return zh ? QStringLiteral("%1 已被重启 %2 次").arg(name).arg(check.number)
                  : QStringLiteral("%1 was restarted %2 times").arg(name).arg(check.number);
    case Check::Kind::OomKilled:
        return QStringLiteral("%1 OOMKilled=%2")
            .arg(name, check.flag ? QStringLiteral("true") : QStringLiteral("false"));
    case Check::Kind::Events:
        return zh ? QStringLiteral("%1 的事件依次有：%2").arg(name, check.sequence.join(u' '))
                  : QStringLiteral("%1 logged the events %2").arg(name, check.sequence.join(u' '));
    case Check::Kind::Visited:
        return zh ? QStringLiteral("%1 到过这些状态：%2").arg(name, check.sequence.join(u' '))
                  : QStringLiteral("%1 has been %2").arg(name, check.sequence.join(u", "));
    }
    return {};
}

QString verdictWord(Verdict verdict, Language language) {
    const bool zh = language == Language::Chinese;
    switch (verdict) {
    case Verdict::Refused:
        return zh ? QStringLiteral("拒绝（报错，状态不变）")
                  : QStringLiteral("refused (an error; the state stays)");
    case Verdict::NotModified:
        return zh ? QStringLiteral("接受但什么也不做（304）")
                  : QStringLiteral("accepted, nothing happens (304)");
    case Verdict::Accepted:
        break;
    }
    return zh ? QStringLiteral("执行") : QStringLiteral("carried out");
}

} // namespace lab
