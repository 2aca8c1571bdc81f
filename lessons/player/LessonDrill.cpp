// The drill: every state a container can rest in on the simulation x every command a learner
// gives it, from the lifecycle machine's own lists. Each seed shuffles its own set of pairs; the
// verdicts come from LifecycleMachine::preview() when the drill is played (LessonAnswers).
#include "player/LessonAnswers.h"

#include <algorithm>
#include <random>

namespace lab {
namespace {

// Docker commands to bring container name into state, and the fault it needs (dead only).
// `removing` lasts only while the daemon deletes files, so a container never rests there.
std::optional<QStringList> recipe(ContainerState state, const QString& name) {
    const QString sleeper = QStringLiteral("docker run -d --name %1 busybox sleep 300").arg(name);
    switch (state) {
    case ContainerState::Created:
    case ContainerState::Dead:
        return QStringList{QStringLiteral("docker create --name %1 busybox sleep 300").arg(name)};
    case ContainerState::Running:
        return QStringList{sleeper};
    case ContainerState::Paused:
        return QStringList{sleeper, QStringLiteral("docker pause %1").arg(name)};
    case ContainerState::Exited:
        return QStringList{QStringLiteral("docker run --name %1 busybox true").arg(name)};
    case ContainerState::Restarting:
        // Exits after 1 s; the daemon waits 100 ms before the first restart.
        return QStringList{
            QStringLiteral("docker run -d --restart always --name %1 busybox sh -c 'sleep 1; "
                           "exit 1'")
                .arg(name),
            QStringLiteral("@sleep 1.05")};
    case ContainerState::Removing:
        break;
    }
    return std::nullopt;
}

LessonStep setupStep(ContainerState state, const QString& name, int number) {
    LessonStep step;
    const QString docker = coreWord(dockerName(state));
    step.text = {
        QStringLiteral("Question %1: container %2 is brought to %3.").arg(number).arg(name, docker),
        QStringLiteral("第 %1 题：先让容器 %2 进入 %3 状态。").arg(number).arg(name, docker)};
    step.commands = *recipe(state, name);
    if (state == ContainerState::Dead) {
        step.fault = FaultAction{FaultAction::Kind::NextRemovalFails, {}};
        step.commands << QStringLiteral("docker rm %1").arg(name);
    }
    Check check;
    check.container = name;
    check.state = docker;
    step.checks.push_back(check);
    return step;
}

LessonStep questionStep(ContainerState state, Command command, const QString& name) {
    LessonStep step;
    const QString docker = coreWord(dockerName(state));
    // exec needs a command to run in the container
    const QString tail = command == Command::Exec ? QStringLiteral(" true") : QString();
    const QString line =
        QStringLiteral("docker %1 %2%3").arg(coreWord(commandName(command)), name, tail);
    step.text = {QStringLiteral("Now: %1").arg(line), QStringLiteral("现在执行：%1").arg(line)};
    step.commands = {line};
    Predict predict;
    predict.ask = AskKind::Verdict;
    predict.container = name;
    predict.command = command;
    predict.question = {
        QStringLiteral("%1 is %2. What does Docker do with `%3`?").arg(name, docker, line),
        QStringLiteral("%1 处于 %2 状态。Docker 对 `%3` 会怎么做？").arg(name, docker, line)};
    predict.explain = {
        QStringLiteral("The lifecycle table decides, for each state and command: refuse with "
                       "Docker's message, answer 304 and do nothing, or act."),
        QStringLiteral("生命周期表为每个状态和命令作出决定：用 Docker 的原话拒绝、返回 304 "
                       "什么也不做，或者执行。")};
    step.predict = predict;
    return step;
}

} // namespace

std::vector<LessonStep> lessonSteps(const Lesson& lesson, std::uint64_t seed) {
    if (lesson.drillQuestions == 0)
        return lesson.steps;
    std::vector<std::pair<ContainerState, Command>> pairs;
    for (ContainerState state : kContainerStates)
        for (Command command : kCommands)
            if (recipe(state, {}) && command != Command::Create && command != Command::Wait &&
                command != Command::Rename)
                pairs.emplace_back(state, command);
    std::mt19937_64 random(seed);
    std::shuffle(pairs.begin(), pairs.end(), random);
    std::vector<LessonStep> steps = lesson.steps;
    for (int i = 0; i < lesson.drillQuestions && i < int(pairs.size()); ++i) {
        const QString name = QStringLiteral("q%1").arg(i + 1);
        steps.push_back(setupStep(pairs[size_t(i)].first, name, i + 1));
        steps.push_back(questionStep(pairs[size_t(i)].first, pairs[size_t(i)].second, name));
    }
    return steps;
}

} // namespace lab
